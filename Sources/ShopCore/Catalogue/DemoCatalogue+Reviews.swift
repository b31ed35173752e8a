/// Reviews written for the demo catalogue, by product line (every variant of a line shares them,
/// as shops do): stars, reviewer, date and text, one string each as `"5|Inès B.|2025-11-03|Text"`.
/// A reviewed product's rating is the average of its reviews.
extension DemoCatalogue {
    static let reviewTexts: [String: [String]] = [
        // Coffee & Tea
        "Café Moka d'Éthiopie, grains": [
            "5|Inès Bouchard|2025-10-12|Jasmine on the nose, cocoa at the end, exactly as promised. I grind it for a V60 every morning.",
            "4|Tomás R.|2026-02-03|Lovely bright coffee. The 500 g bag is better value but goes stale before I finish it; the 250 g suits me.",
        ],
        "Café Huehuetenango Lavado": [
            "5|Marta Kowalska|2025-09-21|Clean, sweet, a little orange peel. The espresso grind is spot on for my machine.",
            "4|Julien P.|2026-01-14|Very good as a filter coffee. I would have liked a roast date on the bag rather than a best-before.",
            "5|Aiko N.|2026-06-30|Bought the whole beans after tasting it at a friend's. Now it is my house coffee.",
        ],
        "抹茶 Ceremonial Matcha": [
            "5|Hana S.|2025-12-02|Vivid green, no bitterness when whisked at 75 °C. The 100 g tin lasts me two months.",
            "4|Claire M.|2026-04-18|Excellent for usucha, a bit pricey for lattes. Keep it in the fridge once open.",
        ],
        "Earl Grey Imperial": [
            "4|Oliver T.|2025-11-27|Real bergamot, not perfume. Strong enough for milk if you steep four minutes.",
            "3|Sophie L.|2026-03-09|Good tea but the loose leaves are quite broken; I expected longer leaves at this price.",
        ],
        // Groceries
        "Farine de Blé T65 Bio": [
            "5|Baptiste G.|2025-08-19|My sourdough has never risen so well. Consistent from bag to bag.",
            "5|Noémie F.|2026-05-02|The 5 kg bag is the sensible size if you bake weekly. Arrived well packed.",
        ],
        "Ελαιόλαδο Extra Virgin Olive Oil": [
            "5|Eleni P.|2025-12-15|Peppery, grassy, the taste of my grandmother's village. Harvest date printed on the bottle.",
            "4|Marc D.|2026-07-07|Very good oil for salads. The bottle drips a little after pouring.",
        ],
        "Spaghetti al Bronzo": [
            "5|Giulia R.|2026-02-21|Rough surface, the sauce clings to it. Cooks in exactly the time on the packet.",
            "4|Paul A.|2026-09-10|Noticeably better than supermarket pasta. The pack of three is a good deal.",
        ],
        "Caramel au Beurre Salé": [
            "5|Léa M.|2025-11-30|Dangerously good on crêpes. The jar did not last the weekend.",
        ],
        // Kitchen
        "Cocotte Ronde en Fonte": [
            "5|Catherine V.|2025-10-04|Heavy, even heat, the lid seals well. Slow-cooked beef for six in the 26 cm.",
            "5|Hugo B.|2026-01-25|Bought the 22 cm for two of us: right size for bread too.",
            "4|Nadia K.|2026-08-16|Beautiful and does the job. Mind the weight when full, the handles are small.",
        ],
        "Bol à Café au Lait": [
            "5|Amélie D.|2025-09-08|The bowl of my childhood breakfasts. The blue glaze is even deeper than on the photo.",
            "4|Ben W.|2026-03-22|Generous size, dishwasher safe so far. One had a tiny glaze bubble on the base.",
        ],
        "Linen Tea Towels, pair": [
            "4|Isabelle R.|2025-12-20|Absorbent after two washes, as the shop said. They soften nicely.",
            "5|Kenji O.|2026-06-11|No lint on glasses. I ordered a second pair in the other colour.",
        ],
        "Moulin à Café Manuel": [
            "4|Antoine L.|2025-11-05|Even grind for filter, a workout for espresso. Solid build.",
            "5|Sara H.|2026-04-29|Quiet mornings again. Takes about a minute for 20 g.",
        ],
        "Chef's Knife 20 cm": [
            "5|Mathieu C.|2026-01-08|Sharp out of the box and keeps its edge. Good balance at the bolster.",
            "4|Rachel F.|2026-07-19|Great knife; the handle is a little slippery with wet hands.",
        ],
        // Books
        "Le Café chez Soi": [
            "5|Yann T.|2025-10-28|Clear, no snobbery, lots of diagrams. Finally understood extraction.",
            "4|Lucie P.|2026-02-14|Lovely book. The chapter on milk drinks is short.",
        ],
        "The Quiet Engineer": [
            "5|Daniel M.|2026-03-03|Read it in two evenings. Gentle and precise, like its subject.",
            "3|Emma S.|2026-08-22|Beautiful writing but the middle drags; the last chapters make up for it.",
        ],
        // Audio
        "Studio Over-Ear Headphones": [
            "5|Rémi F.|2025-09-15|Flat, honest sound for mixing and comfortable for hours. Cable detachable, good.",
            "4|Priya N.|2026-02-27|Very good for the price. They clamp a little for the first week.",
            "4|Luca B.|2026-10-03|The sand pair shows marks after a while; the sound is excellent.",
        ],
        "Wireless Speaker Fjord": [
            "4|Agnès H.|2025-12-09|Fills the living room, warm bass. The app is basic but enough.",
            "5|Jonas E.|2026-05-15|Lovely object on the shelf, and the battery lasts a whole party.",
        ],
        "True Wireless Earbuds P3": [
            "4|Chloé G.|2025-11-18|Good noise reduction on the metro, the case is tiny. Calls are average.",
            "3|Victor M.|2026-01-30|Sound is good but the left bud disconnects now and then. Support answered quickly.",
            "5|Mei L.|2026-09-02|Best earbuds I have had under 100 €. The sage colour is lovely.",
        ],
        // Stationery
        "Carnet Pointillé A5": [
            "5|Camille A.|2025-08-30|Fountain pen ink does not bleed through. The dot grid is discreet.",
            "5|Thomas W.|2026-03-12|Lies flat, numbered pages, two ribbons. My third one.",
            "4|Inès B.|2026-07-25|Perfect paper. The cover marks easily, so mine is already well loved.",
        ],
        "Fountain Pen Classic": [
            "5|Hélène D.|2025-10-07|Smooth fine nib, starts every time even after a week in a drawer.",
            "4|George K.|2026-04-04|Writes beautifully. The converter is included but the cap posts loosely.",
        ],
        "Bottled Ink 50 ml": [
            "5|Elise V.|2025-12-28|Rich blue-black that shades nicely. Dries fast enough for a left-hander.",
            "4|Sam R.|2026-06-19|Lovely colour; the bottle is narrow so filling needs care when it gets low.",
        ],
        "Brush Pen Fude": [
            "4|Yuki T.|2026-01-21|Springy tip, good for kana practice. The black is deep.",
        ],
        // Home
        "Lampe de Bureau Articulée": [
            "5|Olivier N.|2025-11-11|Stays where you put it, the springs are strong. Warm light for reading.",
            "4|Anna S.|2026-05-28|Handsome lamp. The clamp base would be welcome; the foot takes room.",
        ],
        "Linen Duvet Cover": [
            "5|Margaux L.|2025-09-26|Cool in summer, cosy in winter, softer with every wash.",
            "4|Peter J.|2026-02-10|Beautiful linen. It comes out of the dryer very creased, if that bothers you.",
        ],
        "Linen Pillowcases, pair": [
            "5|Sylvie B.|2026-03-17|Match the duvet cover perfectly. Envelope closure, no buttons to lose.",
        ],
        "Hand-Thrown Planter": [
            "5|Lina F.|2025-10-19|Each one is a little different, mine has lovely flame marks on the terracotta. Drainage hole included.",
            "4|Arthur P.|2026-06-05|Nice weight and finish. The saucer is a little shallow for generous watering.",
        ],
        "Wool Throw Blanket": [
            "5|Juliette C.|2025-12-01|Warm without being heavy; the fringes survived a gentle wash.",
            "4|Martin H.|2026-01-17|Lovely colours. A bit scratchy at first, softer after a week.",
            "5|Aisha M.|2026-11-02|Ordered it as a gift and ended up keeping it.",
        ],
        // Toys
        "Comptoir des Épices": [
            "5|Famille Roux|2025-12-26|The whole family plays, from 9 to 72 years old. Games last 40 minutes.",
            "4|Nicolas D.|2026-04-12|Clever trading game, beautiful cards. Rules took two readings.",
        ],
        "Wooden Train Set 30 Pieces": [
            "5|Laure M.|2025-11-22|Solid beech, no splinters, compatible with our old tracks.",
        ],
        // Outdoor
        "Daypack 22 L": [
            "5|Grégoire A.|2025-09-03|Comfortable on a full day in the Vercors, hip belt actually carries weight.",
            "4|Ingrid S.|2026-05-09|Good pockets, bottle sleeve fits 750 ml. The rain cover is tight when the pack is full.",
        ],
        "Chaussettes de Randonnée Mérinos": [
            "5|Pierre-Louis V.|2025-10-15|Three days on the GR20 without a blister or a smell. Worth every euro.",
            "5|Kate O.|2026-03-28|Warm, dry, and they have not thinned after a season.",
        ],
        "Down Sleeping Bag −5 °C": [
            "4|Mathis R.|2025-11-09|Warm at 0 °C with a liner, packs small. The zip snags on the baffle sometimes.",
            "5|Elin J.|2026-08-29|Light and warm. The long size is really long, good for tall people.",
        ],
        "Insulated Bottle 750 ml": [
            "5|Romain T.|2025-12-12|Tea still hot after a day of skiing. No leaks in the bag.",
            "4|Nora B.|2026-06-24|Keeps water cold all day. The paint chipped after one fall.",
        ],
        "Helmet Urbano": [
            "4|Benoît G.|2026-02-18|Light, good vents, the rear light is a clever touch. Runs small, take the M/L.",
        ],
        // Clothing
        "Pull Col Rond Mérinos": [
            "5|Valérie K.|2025-10-23|Fine knit, no itch at all. Washed by hand three times, still perfect.",
            "4|Jacques M.|2026-01-06|Lovely jumper. Sleeves a touch long for me.",
        ],
        "Cardigan en Lin": [
            "4|Manon P.|2026-05-21|Light and breathable, ideal for summer evenings. Wrinkles, as linen does.",
        ],
        "Bonnet Côtelé": [
            "5|Lucas F.|2025-11-29|Warm, covers the ears, keeps its shape. The ochre is lovely.",
        ],
        "Marinière Classique": [
            "5|Brigitte L.|2025-08-14|Thick cotton, the stripes are woven not printed. A classic that lasts.",
            "4|Ethan C.|2026-03-06|Good shirt, true to size. Shrank slightly at 40 °C, so wash cold.",
            "5|Anaïs R.|2026-07-11|Bought an M, then an S for my daughter. The boat neck sits well.",
        ],
        "Vareuse de Pêcheur": [
            "4|Hervé Q.|2025-10-01|Sturdy canvas, big pocket, the real thing. Stiff until the third wash.",
        ],
        "Caban en Laine": [
            "5|Françoise G.|2025-12-05|Warm, cut well in the shoulders, the anchor buttons are a nice touch.",
            "4|Adrien V.|2026-01-28|Beautiful coat. Heavy, so not for spring.",
        ],
        "Organic Cotton T-Shirt": [
            "5|Zoë M.|2026-04-01|Soft, not see-through, kept its shape. I have four now.",
            "4|Karim B.|2026-06-27|Good basic. The neck is a little wide for my taste.",
        ],
        "Hoodie Loopback": [
            "5|Théo L.|2025-11-14|Heavy cotton, roomy hood, cuffs that do not stretch out.",
            "4|Lisa W.|2026-02-22|Cosy and well made, runs large.",
        ],
        "Chino Slim": [
            "4|Florian D.|2026-03-19|Good cut, stretchy enough for cycling. The sand colour marks easily.",
        ],
        "Charentaises Feutre": [
            "5|Odile T.|2025-12-18|Like the ones my grandfather wore, but I can hear myself walk less. Warm felt sole.",
            "4|Simon A.|2026-01-12|Comfortable; order a size up if you wear thick socks.",
        ],
        "Chaussettes Coton Bio, lot de 3": [
            "4|Delphine M.|2026-04-26|Soft and they stay up. One pair already thin at the heel after six months.",
        ],
        "Espadrilles Toile": [
            "5|Carla S.|2026-06-02|Made in the Pyrenees and it shows: stitched jute sole, very comfortable.",
            "3|Bruno F.|2026-07-30|Nice, but the jute does not like wet pavements. Fine for dry days.",
        ],
        "Rain Jacket 3-Layer": [
            "5|Morgane K.|2025-10-26|Dry through a full day of Breton drizzle. Pit zips are a must.",
            "4|Henrik L.|2026-02-06|Truly waterproof, packs into its pocket. Hood could be deeper.",
        ],
        "Fleece Half-Zip": [
            "4|Lucie V.|2025-11-03|Warm mid-layer, no pilling yet. Sleeves long enough for thumbs.",
        ],
        "Thermal Leggings": [
            "5|Ana G.|2026-01-19|Under ski trousers at −12 °C, I was warm all day.",
        ],
    ]

    /// The reviews of a product line, parsed from `reviewTexts`.
    static func reviews(ofLine title: String) -> [Review] {
        (reviewTexts[title] ?? []).map { text in
            let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            return Review(rating: Int(parts[0]) ?? 0, comment: parts[3], date: parts[2], reviewerName: parts[1])
        }
    }

    /// The average of `reviews` as a rating, nil when there is none.
    static func averageRating(_ reviews: [Review]) -> Rating? {
        guard !reviews.isEmpty else { return nil }
        let total = reviews.reduce(0) { $0 + $1.rating }
        return Rating(hundredths: (total * 100 + reviews.count / 2) / reviews.count)
    }
}
