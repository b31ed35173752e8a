/// Running a query: free-text matching, then one pass over the matches for the filters and the
/// disjunctive facet counts, then sort keys for the lazily ordered result set.
extension SearchIndex {
    /// Runs `query`; documents in `hidden` are never found nor counted in the facets (see
    /// `ShopState.hiddenFromSearch`).
    public func search(_ query: SearchQuery, hiding hidden: HiddenDocuments = .none) -> SearchResultSet {
        let (textMatch, corrections) = matchWords(query.words, lastWordIsPrefix: query.lastWordIsPrefix)
        var filter = ColumnFilter(query: query, index: self)
        filter.hidden = hidden
        let order = SortOrder(query.sort, hasWords: !query.words.isEmpty)
        var brandCounts = [UInt32](repeating: 0, count: brands.count)
        var categoryCounts = [UInt32](repeating: 0, count: categories.count)
        let capacity: Int
        switch textMatch {
        case .everything, .dense: capacity = count
        case let .sparse(documents, _): capacity = documents.count
        }
        let keys = [UInt64](unsafeUninitializedCapacity: capacity) { keys, initialized in
            withColumns(filter) { columns, brandFlags, categoryFlags in
                brandCounts.withUnsafeMutableBufferPointer { brandCounts in
                    categoryCounts.withUnsafeMutableBufferPointer { categoryCounts in
                        var pass = FilterPass(
                            filter: filter, order: order, columns: columns, brandFlags: brandFlags,
                            categoryFlags: categoryFlags, brandCounts: brandCounts, categoryCounts: categoryCounts, keys: keys
                        )
                        switch textMatch {
                        case .everything:
                            for document in 0..<count { pass.consider(document, score: 0) }
                        case let .dense(best):
                            SearchIndex.forEachNonZero(best) { document, score in
                                pass.consider(document, score: UInt16(score))
                            }
                        case let .sparse(documents, scores):
                            documents.withUnsafeBufferPointer { documents in
                                scores.withUnsafeBufferPointer { scores in
                                    for index in 0..<documents.count {
                                        pass.consider(Int(documents[index]), score: scores[index])
                                    }
                                }
                            }
                        }
                        initialized = pass.kept
                    }
                }
            }
        }
        return SearchResultSet(
            total: keys.count,
            brandFacets: brands.facets(from: brandCounts),
            categoryFacets: categories.facets(from: categoryCounts),
            ordering: ResultOrdering(keys: keys, alreadySorted: order == .catalogue),
            corrections: corrections,
            filterProblem: filter.problem,
            words: query.words
        )
    }

    /// Runs `body` with raw views of the filter columns and of the kept brand and category flags.
    private func withColumns<R>(
        _ filter: ColumnFilter, _ body: (FilterColumns, UnsafeBufferPointer<Bool>, UnsafeBufferPointer<Bool>) -> R
    ) -> R {
        brandIDs.withUnsafeBufferPointer { brandIDs in
            categoryIDs.withUnsafeBufferPointer { categoryIDs in
                prices.withUnsafeBufferPointer { prices in
                    inStock.withUnsafeBufferPointer { inStock in
                        ratings.withUnsafeBufferPointer { ratings in
                            listedAt.withUnsafeBufferPointer { listedAt in
                                filter.brands.withUnsafeBufferPointer { brandFlags in
                                    filter.categories.withUnsafeBufferPointer { categoryFlags in
                                        let columns = FilterColumns(
                                            brandIDs: brandIDs, categoryIDs: categoryIDs, prices: prices,
                                            inStock: inStock, ratings: ratings, listedAt: listedAt
                                        )
                                        return body(columns, brandFlags, categoryFlags)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
