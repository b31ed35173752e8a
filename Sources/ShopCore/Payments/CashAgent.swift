/// The shops where customers pay a cash reference (a tobacconist, a newsagent): shop data, listed
/// on the reference screen and in its mail nearest the customer's postal code first.
public enum CashAgent {
    /// The agents of the demo shop.
    public static let directory: [LocalPlace] = [
        LocalPlace(id: "CA-75011-1", name: "Tabac de la Roquette", street: "48 rue de la Roquette",
                   postalCode: "75011", city: "Paris", openingHours: "Mon–Sat 07:00–20:00"),
        LocalPlace(id: "CA-75011-2", name: "Presse Oberkampf", street: "103 rue Oberkampf",
                   postalCode: "75011", city: "Paris", openingHours: "Mon–Sat 08:00–19:30"),
        LocalPlace(id: "CA-75011-3", name: "Le Balto Bastille", street: "5 boulevard Richard-Lenoir",
                   postalCode: "75011", city: "Paris", openingHours: "Mon–Sun 06:30–21:00"),
        LocalPlace(id: "CA-75013-1", name: "Tabac des Gobelins", street: "22 avenue des Gobelins",
                   postalCode: "75013", city: "Paris", openingHours: "Mon–Sat 07:30–19:30"),
        LocalPlace(id: "CA-75018-1", name: "Maison de la Presse Montmartre", street: "12 rue Lepic",
                   postalCode: "75018", city: "Paris", openingHours: "Tue–Sun 08:00–20:00"),
        LocalPlace(id: "CA-93200-1", name: "Tabac Saint-Denis Basilique", street: "3 rue de la République",
                   postalCode: "93200", city: "Saint-Denis", openingHours: "Mon–Sat 07:00–19:00"),
        LocalPlace(id: "CA-69001-1", name: "Tabac des Terreaux", street: "9 place des Terreaux",
                   postalCode: "69001", city: "Lyon", openingHours: "Mon–Sat 07:00–19:30"),
        LocalPlace(id: "CA-69002-1", name: "Presse Mercière", street: "31 rue Mercière",
                   postalCode: "69002", city: "Lyon", openingHours: "Mon–Sat 08:00–19:00"),
        LocalPlace(id: "CA-69007-1", name: "Tabac de la Guillotière", street: "60 cours Gambetta",
                   postalCode: "69007", city: "Lyon", openingHours: "Mon–Sat 06:30–20:00"),
        LocalPlace(id: "CA-13002-1", name: "Tabac du Vieux-Port", street: "2 quai du Port",
                   postalCode: "13002", city: "Marseille", openingHours: "Mon–Sun 07:00–20:00"),
        LocalPlace(id: "CA-33000-1", name: "Presse des Chartrons", street: "80 cours Portal",
                   postalCode: "33000", city: "Bordeaux", openingHours: "Mon–Sat 07:30–19:30"),
        LocalPlace(id: "CA-31000-1", name: "Tabac du Capitole", street: "4 rue du Taur",
                   postalCode: "31000", city: "Toulouse", openingHours: "Mon–Sat 07:00–19:00"),
        LocalPlace(id: "CA-67000-1", name: "Tabac Kléber", street: "15 place Kléber",
                   postalCode: "67000", city: "Strasbourg", openingHours: "Mon–Sat 07:00–19:30"),
        LocalPlace(id: "CA-44000-1", name: "Presse Graslin", street: "6 rue Crébillon",
                   postalCode: "44000", city: "Nantes", openingHours: "Mon–Sat 08:00–19:00"),
        LocalPlace(id: "CA-59000-1", name: "Tabac de la Grand-Place", street: "1 rue Esquermoise",
                   postalCode: "59000", city: "Lille", openingHours: "Mon–Sat 07:00–20:00"),
    ]

    /// The `count` agents of `directory` nearest `postalCode`: the same postal code first, then
    /// the same département, then the closest codes (`PostalProximity`); ties keep the directory's
    /// order.
    public static func nearest(to postalCode: String, count: Int = 3, in directory: [LocalPlace] = directory) -> [LocalPlace] {
        PostalProximity.nearest(directory, to: postalCode, count: count, postalCodeOf: \.postalCode)
    }
}
