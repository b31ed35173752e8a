/// How the result keys are made; documents arrive in catalogue order, so `.catalogue` needs no sort.
enum SortOrder: Equatable {
    case catalogue, score, price, priceDescending, rating, newest

    init(_ sort: SearchSort, hasWords: Bool) {
        switch sort {
        case .relevance: self = hasWords ? .score : .catalogue
        case .price: self = .price
        case .priceDescending: self = .priceDescending
        case .rating: self = .rating
        case .newest: self = .newest
        }
    }
}
