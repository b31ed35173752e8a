/// One scan of a parcel: what happened, when, where, in words for the customer.
public struct ScanEvent: Hashable, Sendable {
    public var status: TrackingStatus
    public var time: ShopInstant
    public var place: TrackingPlace
    /// E.g. "Parcel arrived at sorting centre, Lyon".
    public var message: String

    public init(status: TrackingStatus, time: ShopInstant, place: TrackingPlace, message: String) {
        self.status = status
        self.time = time
        self.place = place
        self.message = message
    }
}
