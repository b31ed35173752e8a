/// Every bound the shop puts on what it is given: money, quantities, shop time, queries and
/// imported values. Input is checked against these where it enters (import, command line,
/// forms, the query parser), and the arithmetic inside stays far from `Int64` overflow because
/// of them. README.md lists them under "Limits".
public enum ShopLimits {
    // MARK: Money and quantities

    /// The highest shelf price of one unit, in minor units: 10,000,000.00 in a two-decimal currency.
    public static let maximumPriceMinorUnits: Int64 = 1_000_000_000
    /// The highest amount one cart or order may come to, in minor units: 1,000,000,000.00.
    /// Far below `Int64.max` even after VAT is split (gross × rate), so totals cannot overflow.
    public static let maximumTotalMinorUnits: Int64 = 100_000_000_000
    /// The most units one cart line (or command) may ask for.
    public static let maximumQuantity = 100_000
    /// The most units on hand an imported product may have.
    public static let maximumStock = 1_000_000_000

    // MARK: Shop time

    /// How far in all shop time may run ahead of the wall clock: 100 years.
    public static let maximumClockOffsetSeconds: Int64 = 100 * 365 * 86_400 + 25 * 86_400
    /// `maximumClockOffsetSeconds` in whole hours, as `courier advance --hours` takes them.
    public static var maximumClockAdvanceHours: Int64 { maximumClockOffsetSeconds / 3_600 }

    // MARK: Search

    /// The longest query, in characters (search box and command line).
    public static let maximumQueryLength = 1_000
    /// The most free words one query may hold.
    public static let maximumQueryWords = 32
    /// The deepest `--offset` into search results.
    public static let maximumSearchOffset = 100_000_000

    // MARK: Import

    /// The longest SKU, in characters.
    public static let maximumSKULength = 64
    /// The longest title, brand or category, in characters.
    public static let maximumTitleLength = 300
    /// The longest description, in characters.
    public static let maximumDescriptionLength = 20_000
    /// The longest other imported text (tag, review, specification, image address), in characters.
    public static let maximumTextLength = 2_000
    /// The most tags (and, separately, images, reviews) one product may have.
    public static let maximumListCount = 100
    /// The most digits an imported number may be written with.
    public static let maximumNumberDigits = 30
    /// The deepest nesting of arrays and objects in an imported JSON file.
    public static let maximumJSONDepth = 64
}
