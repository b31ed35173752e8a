/// A neighbourhood shop named in the shop's data: a cash agent where customers pay a cash
/// reference, or a relay point where the carrier leaves relay parcels. Each list is searched by
/// postal code (`PostalProximity`), never drawn at random.
public struct LocalPlace: Hashable, Sendable {
    /// Names the place in its directory (`RP-75011`): what a customer types to choose a relay point.
    public var id: String
    public var name: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var openingHours: String

    public init(id: String, name: String, street: String, postalCode: String, city: String, openingHours: String) {
        self.id = id
        self.name = name
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.openingHours = openingHours
    }

    /// `12 rue de la Roquette, 75011 Paris`.
    public var address: String { "\(street), \(postalCode) \(city)" }

    /// `Relais Popincourt, 71 rue de la Folie-Méricourt, 75011 Paris`.
    public var description: String { "\(name), \(address)" }

    /// `Relais Popincourt, 71 rue de la Folie-Méricourt, 75011 Paris (Mon–Sat 09:00–19:30), relay
    /// point RP-75011`: the whole of it, for an order's delivery arrangements.
    public var relayPointLine: String { "\(description) (\(openingHours)), relay point \(id)" }
}
