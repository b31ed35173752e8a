/// Reviews written for the demo catalogue, by product line (every variant of a line shares them,
/// as shops do): stars, reviewer, date, the variant when the review is about one, and text, one
/// string each as `"5|Inès B.|2025-11-03|Text"` or `"4|Tomás R.|2026-02-03|@250 g|Text"`.
/// A reviewed product's rating is the average of its reviews; a line without reviews has no rating.
extension DemoCatalogue {
    static let reviewTexts: [String: [String]] = [
        // Coffee & Tea
        "Café Moka d'Éthiopie, grains": [
            "5|Inès Bouchard|2025-10-12|Jasmine on the nose, cocoa at the end, exactly as promised. I grind it for a V60 every morning.",
            "4|Tomás R.|2026-02-03|@250 g|Lovely bright coffee. The 500 g bag is better value but goes stale before I finish it; the 250 g suits me.",
        ],
        "Café Huehuetenango Lavado": [
            "5|Marta Kowalska|2025-09-21|@Espresso|Clean, sweet, a little orange peel. The espresso grind is spot on for my machine.",
            "4|Julien P.|2026-01-14|@Filter|Very good as a filter coffee. I would have liked a roast date on the bag rather than a best-before.",
            "5|Aiko N.|2026-06-30|@Whole bean|Bought the whole beans after tasting it at a friend's. Now it is my house coffee.",
        ],
        "抹茶 Ceremonial Matcha": [
            "5|Hana S.|2025-12-02|@100 g|Vivid green, no bitterness when whisked at 75 °C. The 100 g tin lasts me two months.",
            "4|Claire M.|2026-04-18|Excellent for usucha, a bit pricey for lattes. Keep it in the fridge once open.",
        ],
        "Earl Grey Imperial": [
            "4|Oliver T.|2025-11-27|Real bergamot, not perfume. Strong enough for milk if you steep four minutes.",
            "3|Sophie L.|2026-03-09|@Loose 100 g|Good tea but the loose leaves are quite broken; I expected longer leaves at this price.",
        ],
        // Groceries
        "Farine de Blé T65 Bio": [
            "5|Baptiste G.|2025-08-19|My sourdough has never risen so well. Consistent from bag to bag.",
            "5|Noémie F.|2026-05-02|@5 kg|The 5 kg bag is the sensible size if you bake weekly. Arrived well packed.",
        ],
        "Ελαιόλαδο Extra Virgin Olive Oil": [
            "5|Eleni P.|2025-12-15|Peppery, grassy, the taste of my grandmother's village. Harvest date printed on the bottle.",
            "4|Marc D.|2026-07-07|Very good oil for salads. The bottle drips a little after pouring.",
        ],
        "Spaghetti al Bronzo": [
            "5|Giulia R.|2026-02-21|Rough surface, the sauce clings to it. Cooks in exactly the time on the packet.",
            "4|Paul A.|2026-09-10|@3 × 500 g|Noticeably better than supermarket pasta. The pack of three is a good deal.",
        ],
        "Caramel au Beurre Salé": [
            "5|Léa M.|2025-11-30|Dangerously good on crêpes. The jar did not last the weekend.",
        ],
        // Kitchen
        "Cocotte Ronde en Fonte": [
            "5|Catherine V.|2025-10-04|@26 cm|Heavy, even heat, the lid seals well. Slow-cooked beef for six in the 26 cm.",
            "5|Hugo B.|2026-01-25|@22 cm|Bought the 22 cm for two of us: right size for bread too.",
            "4|Nadia K.|2026-08-16|Beautiful and does the job. Mind the weight when full, the handles are small.",
        ],
        "Bol à Café au Lait": [
            "5|Amélie D.|2025-09-08|@Bleu|The bowl of my childhood breakfasts. The blue glaze is even deeper than on the photo.",
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
            "5|Mei L.|2026-09-02|@Sage|Best earbuds I have had under 100 €. The sage colour is lovely.",
        ],
        // Stationery
        "Carnet Pointillé A5": [
            "5|Camille A.|2025-08-30|Fountain pen ink does not bleed through. The dot grid is discreet.",
            "5|Thomas W.|2026-03-12|Lies flat, numbered pages, two ribbons. My third one.",
            "4|Inès B.|2026-07-25|Perfect paper. The cover marks easily, so mine is already well loved.",
        ],
        "Fountain Pen Classic": [
            "5|Hélène D.|2025-10-07|@F|Smooth fine nib, starts every time even after a week in a drawer.",
            "4|George K.|2026-04-04|Writes beautifully. The converter is included but the cap posts loosely.",
        ],
        "Bottled Ink 50 ml": [
            "5|Elise V.|2025-12-28|@Bleu nuit|Rich blue-black that shades nicely. Dries fast enough for a left-hander.",
            "4|Sam R.|2026-06-19|Lovely colour; the bottle is narrow so filling needs care when it gets low.",
        ],
        "Brush Pen Fude": [
            "4|Yuki T.|2026-01-21|@Soft|Springy tip, good for kana practice. The black is deep.",
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
            "5|Elin J.|2026-08-29|@Long|Light and warm. The long size is really long, good for tall people.",
        ],
        "Insulated Bottle 750 ml": [
            "5|Romain T.|2025-12-12|Tea still hot after a day of skiing. No leaks in the bag.",
            "4|Nora B.|2026-06-24|Keeps water cold all day. The paint chipped after one fall.",
        ],
        "Helmet Urbano": [
            "4|Benoît G.|2026-02-18|@S/M|Light, good vents, the rear light is a clever touch. Runs small: my S/M was tight, take a size up.",
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
            "5|Lucas F.|2025-11-29|@Ocre|Warm, covers the ears, keeps its shape. The ochre is lovely.",
        ],
        "Marinière Classique": [
            "5|Brigitte L.|2025-08-14|Thick cotton, the stripes are woven not printed. A classic that lasts.",
            "4|Ethan C.|2026-03-06|Good shirt, true to size. Shrank slightly at 40 °C, so wash cold.",
            "5|Anaïs R.|2026-07-11|@M|Bought an M, then an S for my daughter. The boat neck sits well.",
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
        // More coffee, tea and groceries
        "Café Crème du Matin, moulu": [
            "4|Gaëlle P.|2025-11-20|Soft and round, exactly what I want with milk at seven in the morning. Not for espresso.",
            "5|Bernard K.|2026-04-07|Our office coffee now. Nobody complains, which says a lot.",
        ],
        "Espresso Noir Intense": [
            "5|Luigi M.|2025-10-30|Thick crema, chocolate and a little smoke. Reminds me of a bar in Naples.",
            "3|Hannah V.|2026-02-25|Too bitter for me as a flat white; fine as a short espresso.",
        ],
        "Décaféiné Doux, Colombie": [
            "5|Margot S.|2026-01-03|The first decaf that tastes of coffee. I drink it after dinner without a second thought.",
        ],
        "Coffret Découverte 4 Cafés": [
            "5|Yasmine T.|2025-12-22|Gave it to my father for Christmas; the tasting notes got him comparing origins like wines.",
            "4|Quentin B.|2026-03-15|Lovely box. 125 g bags go quickly, I wish there were two of each.",
        ],
        "玉露 Gyokuro Asahi": [
            "5|Ren K.|2026-02-11|Brothy and sweet at 60 °C, three good infusions from one spoonful.",
        ],
        "Sencha Fukamushi": [
            "4|Agathe L.|2025-09-29|Deep green cup, a little cloudy as fukamushi is. Use a fine strainer.",
            "5|Tobias W.|2026-05-19|My everyday green tea. Forgiving if you brew it a bit too hot.",
        ],
        "Hōjicha Roasted Twig Tea": [
            "5|Inès Bouchard|2026-01-27|Toasty, gentle, perfect after dinner. My children like it with a little milk.",
        ],
        "Yerba Mate Tradicional": [
            "4|Facundo R.|2025-11-02|Honest yerba, with stems as it should be. A bit dusty at the bottom of the bag.",
        ],
        "Assam Breakfast Strong": [
            "5|Fiona McL.|2025-10-11|Strong enough to stand a spoon in, in the best way. Malty with milk.",
            "4|Patrick O.|2026-03-01|Good builder's tea. Comes as broken leaf, so it brews fast.",
        ],
        "Turkish Coffee Extra Fine": [
            "5|Selin A.|2026-02-08|Truly powder-fine, foams well in my cezve. Like my aunt's in Izmir.",
        ],
        "Farine de Sarrasin": [
            "5|Gwenaëlle L.|2025-12-04|Galettes as in Brittany: lacy edges and a nutty taste. Sifts well.",
        ],
        "Levain Déshydraté": [
            "4|Arnaud C.|2026-01-09|Woke up on day four instead of three, then bubbly and reliable ever since.",
            "5|Clara N.|2026-06-14|My first sourdough worked thanks to this and the leaflet. Now it lives in my fridge.",
        ],
        "Thyme Honey from Crete": [
            "5|Dimitra K.|2025-09-12|Intensely aromatic, crystallises slowly. With yoghurt and walnuts it is breakfast in Chania.",
        ],
        "Pâte à Tartiner Noisette": [
            "5|Élodie V.|2026-02-02|Tastes of hazelnuts, not sugar. Stir it first, the oil rises to the top.",
            "4|Maxime D.|2026-05-23|Very good. The jar is small for a family of five.",
        ],
        "Pomodori Pelati San Marzano": [
            "5|Francesca T.|2026-03-26|Sweet, firm tomatoes, few seeds. Twenty minutes of simmering and the sauce is done.",
        ],
        "Risotto Carnaroli": [
            "4|Marco V.|2025-11-16|Stays al dente and creamy, more forgiving than arborio.",
        ],
        // More kitchen
        "Poêle en Fer Forgé 28 cm": [
            "5|Raphaël S.|2025-10-09|Took a few weeks to season, now eggs slide off. It will outlive me.",
            "4|Julie M.|2026-04-15|Sears beautifully. Heavy, and the handle gets hot: keep a cloth nearby.",
        ],
        "Santoku 17 cm": [
            "5|Kenta I.|2026-01-31|Thin, light, the granton edge really stops potato slices from sticking.",
        ],
        "Whetstone 1000/6000": [
            "4|Pascal R.|2025-12-17|Does the job. Soak the 1000 side for ten minutes, the 6000 only needs a splash.",
        ],
        "Cafetière à Piston 8 tasses": [
            "5|Jeanne F.|2025-09-17|Still hot after half an hour on the table. The mesh filter is fine, little sludge.",
            "4|Oscar L.|2026-07-03|Solid and easy to clean. Eight cups means eight small cups, mind you.",
        ],
        "Pour-Over Dripper, Ceramic Cone": [
            "5|Mina H.|2026-02-16|Holds heat well if you rinse it with hot water first. Clean, bright cups.",
        ],
        "Gooseneck Kettle 1 L": [
            "5|Sven A.|2025-11-24|The thermometer is accurate enough and the pour is slow and steady. A pleasure every morning.",
            "4|Laura B.|2026-06-08|Lovely kettle. Not for induction, which the page could say louder.",
        ],
        "Cafetière Italienne 6 tasses": [
            "4|Giorgio P.|2026-03-04|Classic moka. The induction adapter works but takes a while to heat.",
        ],
        "Planche à Découper en Noyer": [
            "5|Céline R.|2025-12-11|Beautiful end grain, kind to my knives. Oil it monthly and it glows.",
        ],
        // More books and audio
        "La Maison des Marées": [
            "5|Annick G.|2025-10-21|Read it in one weekend of storms, which suited it. The grandmother stays with you.",
            "4|Thibault M.|2026-02-19|Beautiful, if slow to start. The last hundred pages are breathtaking.",
        ],
        "Les Cafés de la Rive Gauche": [
            "4|Michel D.|2026-01-05|Full of anecdotes and old photos. I now take my coffee at the Procope out of respect.",
        ],
        "Pâtisserie Sans Peine": [
            "5|Sarah L.|2025-11-08|The choux chapter made me brave. Weights in grams, times that are right.",
        ],
        "Walking the Via Alpina": [
            "5|Urs B.|2026-05-30|Accurate hut details and honest stage times. Survived a summer in my pack.",
        ],
        "Le Lynx qui Voulait Voler": [
            "5|Pauline et Jules|2025-12-27|My son asks for it every night. The last page makes him laugh every time.",
        ],
        "Noise-Cancelling Headphones NC2": [
            "5|David K.|2025-10-14|The plane engine disappears. The battery lasted the whole trip to Montréal and back.",
            "4|Sofia R.|2026-03-11|Very good cancelling; the ear cups get warm after two hours.",
        ],
        "Turntable TT-1 Belt Drive": [
            "4|Alexandre T.|2025-12-03|Easy to set up, warm sound with the built-in preamp. Speed is spot on after adjusting the belt.",
            "5|Nina W.|2026-04-21|Got back into records with it. Looks lovely in walnut.",
        ],
        "Portable Speaker Pebble": [
            "4|Léo S.|2026-06-18|Survived a drop in the river. Sound is good for the size, little bass.",
        ],
        // More outdoor and home
        "Tent Fjell 2": [
            "5|Maja L.|2025-09-19|Pitched in five minutes in the wind on the Kungsleden. Two porches are a luxury.",
            "4|Étienne V.|2026-07-15|Light and sturdy. Condensation on cold nights, open the vents.",
        ],
        "Sleeping Mat Self-Inflating": [
            "4|Rosa M.|2026-05-06|Comfortable on stony ground, inflates itself most of the way. Bulky when packed.",
        ],
        "Titanium Mug 450 ml": [
            "5|Gaspard N.|2025-10-17|Weighs nothing, goes straight on the stove. The handles stay cool enough.",
        ],
        "Bedside Lamp Opal": [
            "5|Constance B.|2026-01-22|Soft glow, and the dimmer goes really low for reading at night.",
        ],
        "Bougie Café Torréfié": [
            "5|Morgane T.|2025-11-27|My flat smells like a roastery, in a good way. Burns evenly.",
            "3|Xavier L.|2026-02-28|Nice scent but it tunnels if you burn it for less than two hours.",
        ],
        "Ceramic Mugs, set of 2": [
            "5|Hélène P.|2026-04-09|Good weight, the glaze is even prettier in daylight. A flat white fits perfectly.",
        ],
        "Puzzle 1000 pcs: Carte du Ciel": [
            "5|Famille Besson|2026-01-01|Our New Year's puzzle. The blue is hard, the gold stars save you. Pieces fit snugly.",
        ],
    ]

    /// The reviews of a product line, parsed from `reviewTexts`.
    static func reviews(ofLine title: String) -> [Review] {
        (reviewTexts[title] ?? []).map(review)
    }

    /// One review string: `"5|Inès B.|2025-11-03|Text"`, or `"5|Inès B.|2025-11-03|@Espresso|Text"` for a
    /// review of one variant (named as the variant's value, the end of its title).
    static func review(_ text: String) -> Review {
        let parts = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        var comment = parts.count > 3 ? parts[3] : ""
        var variant: String?
        if comment.hasPrefix("@"), let bar = comment.firstIndex(of: "|") {
            variant = String(comment[comment.index(after: comment.startIndex)..<bar])
            comment = String(comment[comment.index(after: bar)...])
        }
        return Review(rating: Int(parts[0]) ?? 0, comment: comment, date: parts.count > 2 ? parts[2] : "",
                      reviewerName: parts.count > 1 ? parts[1] : "", variant: variant)
    }
}
