/// The documents one term occurs in, as sorted catalogue positions, each with the weight of the
/// best field the term occurs in there.
struct PostingList: Sendable {
    var documents: [UInt32] = []
    var weights: [UInt8] = []

    var count: Int { documents.count }

    /// Adds or replaces the entry of `document`, keeping documents sorted.
    mutating func insert(_ document: UInt32, weight: UInt8) {
        if let last = documents.last, last < document {
            documents.append(document)
            weights.append(weight)
            return
        }
        let index = lowerBound(document)
        if index < documents.count && documents[index] == document {
            weights[index] = weight
        } else {
            documents.insert(document, at: index)
            weights.insert(weight, at: index)
        }
    }

    mutating func remove(_ document: UInt32) {
        let index = lowerBound(document)
        guard index < documents.count && documents[index] == document else { return }
        documents.remove(at: index)
        weights.remove(at: index)
    }

    private func lowerBound(_ document: UInt32) -> Int {
        var low = 0
        var high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
