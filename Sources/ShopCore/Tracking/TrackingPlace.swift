/// Where a scan happened: a city and its ISO 3166-1 alpha-2 country code.
public struct TrackingPlace: Hashable, Sendable, CustomStringConvertible {
    public var city: String
    public var countryCode: String

    public init(city: String, countryCode: String) {
        self.city = city
        self.countryCode = countryCode
    }

    /// `Lyon, FR`.
    public var description: String { "\(city), \(countryCode)" }
}
