/// A neighbourhood shop where the carrier leaves relay parcels for collection: shop data. A relay
/// parcel goes to the point nearest the delivery address (`nearest(to:)`), never one drawn at
/// random.
public struct RelayPoint: Hashable, Sendable {
    public var name: String
    public var street: String
    public var postalCode: String
    public var city: String
    public var openingHours: String

    public init(name: String, street: String, postalCode: String, city: String, openingHours: String) {
        self.name = name
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.openingHours = openingHours
    }

    /// `Relais Popincourt, 71 rue de la Folie-Méricourt, 75011 Paris`.
    public var description: String { "\(name), \(street), \(postalCode) \(city)" }

    /// The relay points of the demo shop.
    public static let directory: [RelayPoint] = [
        RelayPoint(name: "Relais Popincourt", street: "71 rue de la Folie-Méricourt", postalCode: "75011", city: "Paris",
                   openingHours: "Mon–Sat 09:00–19:30"),
        RelayPoint(name: "Librairie du Canal", street: "19 quai de Valmy", postalCode: "75010", city: "Paris",
                   openingHours: "Tue–Sat 10:00–19:00"),
        RelayPoint(name: "Presse Bourse", street: "8 rue Vivienne", postalCode: "75002", city: "Paris",
                   openingHours: "Mon–Sat 07:30–19:30"),
        RelayPoint(name: "Pressing Saint-Roch", street: "35 rue Saint-Roch", postalCode: "75001", city: "Paris",
                   openingHours: "Mon–Sat 08:30–19:00"),
        RelayPoint(name: "Épicerie des Gobelins", street: "40 avenue des Gobelins", postalCode: "75013", city: "Paris",
                   openingHours: "Mon–Sun 08:00–21:00"),
        RelayPoint(name: "Fleuriste des Abbesses", street: "2 rue des Abbesses", postalCode: "75018", city: "Paris",
                   openingHours: "Tue–Sun 09:00–19:30"),
        RelayPoint(name: "Tabac de la Gare", street: "1 rue Jean-Jaurès", postalCode: "93200", city: "Saint-Denis",
                   openingHours: "Mon–Sat 07:00–19:00"),
        RelayPoint(name: "Épicerie des Halles", street: "12 rue de la Martinière", postalCode: "69001", city: "Lyon",
                   openingHours: "Mon–Sat 09:00–19:30"),
        RelayPoint(name: "Presse du Marché", street: "7 quai Saint-Antoine", postalCode: "69002", city: "Lyon",
                   openingHours: "Mon–Sat 07:30–19:00"),
        RelayPoint(name: "Relais du Panier", street: "15 rue du Panier", postalCode: "13002", city: "Marseille",
                   openingHours: "Mon–Sat 09:00–19:00"),
        RelayPoint(name: "Relais Saint-Pierre", street: "24 rue des Bahutiers", postalCode: "33000", city: "Bordeaux",
                   openingHours: "Mon–Sat 09:00–19:00"),
        RelayPoint(name: "Relais Esquirol", street: "3 place Esquirol", postalCode: "31000", city: "Toulouse",
                   openingHours: "Mon–Sat 09:00–19:30"),
        RelayPoint(name: "Relais Petite France", street: "10 rue du Bain-aux-Plantes", postalCode: "67000", city: "Strasbourg",
                   openingHours: "Mon–Sat 09:00–19:00"),
        RelayPoint(name: "Relais Bouffay", street: "5 place du Bouffay", postalCode: "44000", city: "Nantes",
                   openingHours: "Mon–Sat 09:00–19:00"),
        RelayPoint(name: "Relais Vieux-Lille", street: "18 rue de la Monnaie", postalCode: "59000", city: "Lille",
                   openingHours: "Mon–Sat 09:00–19:30"),
    ]

    /// The `count` relay points of `directory` nearest `postalCode` (`PostalProximity`).
    public static func nearest(to postalCode: String, count: Int = 3, in directory: [RelayPoint] = directory) -> [RelayPoint] {
        PostalProximity.nearest(directory, to: postalCode, count: count, postalCodeOf: \.postalCode)
    }
}
