/// How near a place of shop data (a cash agent, a relay point) is to a customer's postal code,
/// without a map: the same postal code first, then the same département (first two digits), then
/// the closest codes.
public enum PostalProximity {
    /// The `count` places nearest `postalCode`; ties keep the order of `places`.
    public static func nearest<Place>(_ places: [Place], to postalCode: String, count: Int,
                                      postalCodeOf: (Place) -> String) -> [Place] {
        let wanted = Int(postalCode.filter(\.isNumber)) ?? 0
        func rank(_ place: Place) -> (Int, Int) {
            let code = postalCodeOf(place)
            let level = code == postalCode ? 0 : (code.prefix(2) == postalCode.prefix(2) ? 1 : 2)
            return (level, abs((Int(code) ?? 0) - wanted))
        }
        return places.enumerated()
            .sorted { rank($0.element) != rank($1.element) ? rank($0.element) < rank($1.element) : $0.offset < $1.offset }
            .prefix(max(0, count)).map(\.element)
    }
}
