import ShopCore

/// What the header and status line show in demo mode: "DEMO" with the running shop time, and
/// while `comptoir demo` plays, the caption of the step (or that it is paused).
public struct DemoBanner: Hashable, Sendable {
    /// "Step 4 of 9: paying with a 3-D Secure card"; nil in `--demo`, where the customer drives.
    public var caption: String?

    public init(caption: String? = nil) {
        self.caption = caption
    }

    /// "DEMO 30 Nov 09:12": the shop's date and time, so the audience sees time run.
    public static func clock(_ now: ShopInstant) -> String {
        let day = now.calendarDay
        let seconds = now.secondsSince1970 - day.start.secondsSince1970
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let hour = seconds / 3_600, minute = seconds % 3_600 / 60
        let time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return "DEMO \(day.day) \(months[day.month - 1]) \(time)"
    }
}
