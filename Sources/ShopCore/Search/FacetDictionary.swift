/// Numbers the distinct brands (or categories) of the catalogue by their folded key, keeping the
/// first spelling met for display.
struct FacetDictionary: Sendable {
    private var idByKey: [String: UInt32] = [:]
    /// Ids by exact spelling, to skip folding for the spellings already met.
    private var idBySpelling: [String: UInt32] = [:]
    /// Display names by id.
    private(set) var names: [String] = []
    /// Folded keys by id.
    private(set) var keys: [String] = []

    var count: Int { names.count }

    mutating func id(for name: String) -> UInt32 {
        if let id = idBySpelling[name] { return id }
        let key = TextFolding.key(name)
        if let id = idByKey[key] {
            idBySpelling[name] = id
            return id
        }
        let id = UInt32(names.count)
        idBySpelling[name] = id
        idByKey[key] = id
        names.append(name)
        keys.append(key)
        return id
    }

    func id(forKey key: String) -> UInt32? { idByKey[key] }

    /// Turns counts by id into facets: non-empty names with a count, most frequent first, then by name.
    func facets(from counts: [UInt32]) -> [FacetCount] {
        var ids: [Int] = []
        for id in counts.indices where counts[id] > 0 && !keys[id].isEmpty { ids.append(id) }
        ids.sort { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return names[a] < names[b]
        }
        return ids.map { FacetCount(value: names[$0], count: Int(counts[$0])) }
    }
}
