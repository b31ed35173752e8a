/// The neighbourhood shops where the carrier leaves relay parcels for collection: shop data. The
/// customer chooses one from those nearest the delivery address (`nearest(to:)`), by its `id`; an
/// order that names none goes to the nearest. Never one drawn at random.
public enum RelayPoint {
    /// The relay points of the demo shop.
    public static let directory: [LocalPlace] = [
        LocalPlace(id: "RP-75011", name: "Relais Popincourt", street: "71 rue de la Folie-Méricourt",
                   postalCode: "75011", city: "Paris", openingHours: "Mon–Sat 09:00–19:30"),
        LocalPlace(id: "RP-75010", name: "Librairie du Canal", street: "19 quai de Valmy",
                   postalCode: "75010", city: "Paris", openingHours: "Tue–Sat 10:00–19:00"),
        LocalPlace(id: "RP-75002", name: "Presse Bourse", street: "8 rue Vivienne",
                   postalCode: "75002", city: "Paris", openingHours: "Mon–Sat 07:30–19:30"),
        LocalPlace(id: "RP-75001", name: "Pressing Saint-Roch", street: "35 rue Saint-Roch",
                   postalCode: "75001", city: "Paris", openingHours: "Mon–Sat 08:30–19:00"),
        LocalPlace(id: "RP-75013", name: "Épicerie des Gobelins", street: "40 avenue des Gobelins",
                   postalCode: "75013", city: "Paris", openingHours: "Mon–Sun 08:00–21:00"),
        LocalPlace(id: "RP-75018", name: "Fleuriste des Abbesses", street: "2 rue des Abbesses",
                   postalCode: "75018", city: "Paris", openingHours: "Tue–Sun 09:00–19:30"),
        LocalPlace(id: "RP-93200", name: "Tabac de la Gare", street: "1 rue Jean-Jaurès",
                   postalCode: "93200", city: "Saint-Denis", openingHours: "Mon–Sat 07:00–19:00"),
        LocalPlace(id: "RP-69001", name: "Épicerie des Halles", street: "12 rue de la Martinière",
                   postalCode: "69001", city: "Lyon", openingHours: "Mon–Sat 09:00–19:30"),
        LocalPlace(id: "RP-69002", name: "Presse du Marché", street: "7 quai Saint-Antoine",
                   postalCode: "69002", city: "Lyon", openingHours: "Mon–Sat 07:30–19:00"),
        LocalPlace(id: "RP-13002", name: "Relais du Panier", street: "15 rue du Panier",
                   postalCode: "13002", city: "Marseille", openingHours: "Mon–Sat 09:00–19:00"),
        LocalPlace(id: "RP-33000", name: "Relais Saint-Pierre", street: "24 rue des Bahutiers",
                   postalCode: "33000", city: "Bordeaux", openingHours: "Mon–Sat 09:00–19:00"),
        LocalPlace(id: "RP-31000", name: "Relais Esquirol", street: "3 place Esquirol",
                   postalCode: "31000", city: "Toulouse", openingHours: "Mon–Sat 09:00–19:30"),
        LocalPlace(id: "RP-67000", name: "Relais Petite France", street: "10 rue du Bain-aux-Plantes",
                   postalCode: "67000", city: "Strasbourg", openingHours: "Mon–Sat 09:00–19:00"),
        LocalPlace(id: "RP-44000", name: "Relais Bouffay", street: "5 place du Bouffay",
                   postalCode: "44000", city: "Nantes", openingHours: "Mon–Sat 09:00–19:00"),
        LocalPlace(id: "RP-59000", name: "Relais Vieux-Lille", street: "18 rue de la Monnaie",
                   postalCode: "59000", city: "Lille", openingHours: "Mon–Sat 09:00–19:30"),
    ]

    /// The `count` relay points of `directory` nearest `postalCode` (`PostalProximity`).
    public static func nearest(to postalCode: String, count: Int = 3, in directory: [LocalPlace] = directory) -> [LocalPlace] {
        PostalProximity.nearest(directory, to: postalCode, count: count, postalCodeOf: \.postalCode)
    }

    /// How many relay points checkout offers to choose from.
    public static let choices = 4

    /// The relay point of `directory` with this ID (case and surrounding spaces ignored).
    public static func place(id: String, in directory: [LocalPlace] = directory) -> LocalPlace? {
        let wanted = id.trimmingSpaces().uppercased()
        return directory.first { $0.id.uppercased() == wanted }
    }
}
