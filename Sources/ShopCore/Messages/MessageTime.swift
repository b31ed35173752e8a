/// Times in the bodies of the shop's messages: local to the shop's zone (Europe/Paris), the
/// zone of the `Date:` header too. A message is written once, when its event happens, whichever
/// process catches shop time up, so it cannot follow one reader's `TZ`.
public enum MessageTime {
    public static let zone = ShopTimeZone.paris

    /// `2026-12-08 12:12 (Paris time)`.
    public static func text(_ instant: ShopInstant) -> String {
        "\(zone.dateAndTime(instant)) (Paris time)"
    }
}
