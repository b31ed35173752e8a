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
    /// Ids by each word of their key, so that `brand:arbois` finds Brûlerie Arbois.
    private var idsByWord: [String: [UInt32]] = [:]

    var count: Int { names.count }

    init() {}

    /// The dictionary that numbers `names` (distinct keys, in id order) 0, 1, 2…, as a loaded index has them.
    init(names: [String]) {
        for name in names { _ = id(for: name) }
    }

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
        for word in Set(key.split(separator: " ")) { idsByWord[String(word), default: []].append(id) }
        return id
    }

    func id(forKey key: String) -> UInt32? { idByKey[key] }

    /// The ids a filter value names: the whole key, or a run of whole words of it (`arbois`,
    /// `brulerie arbois` and `coffee` in `coffee tea`).
    func ids(matching key: String) -> [UInt32] {
        let words = key.split(separator: " ")
        guard let first = words.first, let candidates = idsByWord[String(first)] else { return [] }
        if words.count == 1 { return candidates }
        return candidates.filter { QueryText.filterValue(key, names: keys[Int($0)]) }
    }

    /// Up to `limit` display names closest to a filter value that names nothing: within a few edits
    /// of the whole key or of one of its words, nearest first.
    func closestNames(to key: String, limit: Int = 3) -> [String] {
        let allowed = key.count <= 8 ? 2 : 3
        var scored: [(distance: Int, name: String)] = []
        for id in keys.indices where !keys[id].isEmpty {
            var best = EditDistance.between(key, keys[id], limit: allowed)
            for word in keys[id].split(separator: " ") where word.count > 2 {
                if let distance = EditDistance.between(key, String(word), limit: allowed), distance < best ?? Int.max {
                    best = distance
                }
            }
            if let best { scored.append((best, names[id])) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return Array(scored.prefix(limit).map(\.name))
    }

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
