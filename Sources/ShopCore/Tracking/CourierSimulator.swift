/// A deterministic courier: from a shipment it plans the parcel's whole route of scans, and shop
/// time reveals them. The same shipment (seed included) always gives the same timeline, so the
/// journal only needs the shipment and the scans already shown.
///
/// Transit, in working days (Monday to Saturday) in the shop's time zone (Europe/Paris): express
/// the next one (two when shipped at or after 17:00), standard and relay pickup 2 to 5. The
/// courier picks parcels up in working hours (Monday to Saturday, 08:00–19:00) after their label,
/// and delivers in the daytime of working days; night scans happen only at sorting centres and
/// hubs. Exceptions follow `CourierScenario`; every scan lies within 30 days of shipping.
public struct CourierSimulator: Hashable, Sendable {
    /// Days a parcel waits at a relay point or a carrier's depot before it goes back to the sender.
    public static let daysKeptForPickup = 10

    public let shipment: Shipment
    public let scenario: CourierScenario
    /// The whole planned route, in time order; the future part is not shown to customers.
    public let plannedScans: [ScanEvent]
    /// The day the parcel is first due at the recipient's door or relay point.
    public let plannedArrivalDay: CalendarDay
    /// The estimated delivery day in effect once the scan of the same index has happened.
    private let estimatesAfterScan: [CalendarDay?]

    /// Express parcels shipped at or after this hour (Paris time) take one more day.
    public static let expressCutOffHour = 17
    /// Nothing is planned further than this from the ship time.
    public static let longestRouteDays = 30

    /// `relayPoint` is where a relay parcel waits (the one nearest the address, `RelayPoint.nearest`);
    /// without it the scans only say "the relay point" (enough for dates and estimates).
    public init(shipment: Shipment, relayPoint: LocalPlace? = nil) {
        var plan = RoutePlan(shipment: shipment, relayPoint: relayPoint)
        plan.build()
        self.shipment = shipment
        self.scenario = plan.scenario
        self.plannedScans = plan.scans
        self.plannedArrivalDay = plan.arrivalDay
        self.estimatesAfterScan = plan.estimates
    }

    /// The scans that have happened by `now` (inclusive), oldest first.
    public func scans(upTo now: ShopInstant) -> [ScanEvent] {
        Array(plannedScans.prefix { $0.time <= now })
    }

    /// The scans that happened after `previous` and by `now`: what to journal when shop time
    /// moves from `previous` to `now`.
    public func scans(after previous: ShopInstant, upTo now: ShopInstant) -> [ScanEvent] {
        plannedScans.filter { $0.time > previous && $0.time <= now }
    }

    /// The status of the latest scan by `now`; nil before the label is created.
    public func status(at now: ShopInstant) -> TrackingStatus? {
        scans(upTo: now).last?.status
    }

    /// The day the parcel is expected, as known at `now`: the planned day until something goes
    /// wrong, the next attempt's day after a failed attempt, the actual day once delivered
    /// (for relay pickup: the day it reached the relay point, then the day it was collected),
    /// and nil once the parcel is on its way back to the sender.
    public func estimatedDelivery(now: ShopInstant) -> CalendarDay? {
        let happened = scans(upTo: now).count
        return happened == 0 ? plannedArrivalDay : estimatesAfterScan[happened - 1]
    }

    /// When the last planned scan happens (delivered, or returned to sender).
    public var completionTime: ShopInstant {
        plannedScans.last?.time ?? shipment.shippedAt
    }
}

/// Builds the scans of one route, drawing every choice from the shipment's seed in a fixed order.
private struct RoutePlan {
    let shipment: Shipment
    let relayPoint: LocalPlace?
    var dice: SplitMix64
    let scenario: CourierScenario
    let arrivalDay: CalendarDay
    var scans: [ScanEvent] = []
    var estimates: [CalendarDay?] = []

    init(shipment: Shipment, relayPoint: LocalPlace?) {
        self.shipment = shipment
        self.relayPoint = relayPoint
        var dice = SplitMix64(seed: shipment.seed)
        scenario = CourierScenario.decide(speed: shipment.speed, direction: shipment.direction, draw: dice.below(120))
        let zone = ShopTimeZone.paris
        let shipDay = zone.day(of: shipment.shippedAt)
        let shipSecondOfDay = zone.local(shipment.shippedAt).secondsSince1970 - shipDay.start.secondsSince1970
        let transitDays: Int
        switch shipment.speed {
        case .express:
            let range = shipment.speed.transitDays
            transitDays = shipSecondOfDay < Int64(CourierSimulator.expressCutOffHour) * 3_600
                ? range.lowerBound : range.upperBound
        case .standard, .relayPickup:
            let range = shipment.speed.transitDays
            transitDays = range.lowerBound + dice.below(range.count)
        }
        var arrival = shipDay.addingWorkingDays(transitDays)
        // A parcel picked up late (a label made on Saturday night) arrives a working day later.
        if Self.pickupTime(after: shipment.shippedAt).adding(hours: 6) > zone.instant(on: arrival, hour: 8) {
            arrival = arrival.addingWorkingDays(1)
        }
        arrivalDay = arrival
        self.dice = dice
    }

    private var carrierName: String { shipment.carrier.name }

    /// The courier's first round after a label made at `start`: at least 45 minutes later, in
    /// working hours (Monday to Saturday, 08:00–18:59, Paris time).
    static func pickupTime(after start: ShopInstant) -> ShopInstant {
        let zone = ShopTimeZone.paris
        let earliest = start.adding(minutes: 45)
        var day = zone.day(of: earliest)
        for _ in 0..<3 {
            if day.isWorkingDay {
                let opens = zone.instant(on: day, hour: 8)
                let closes = zone.instant(on: day, hour: 19)
                if earliest < opens { return opens }
                if earliest < closes { return earliest.adding(seconds: -(earliest.secondsSince1970 % 60)) }
            }
            day = day.adding(days: 1)
        }
        return zone.instant(on: day.nextWorkingDayOrSelf, hour: 8)
    }

    /// `hour:minute` on `day`, Paris time.
    private func local(_ day: CalendarDay, hour: Int, minute: Int = 0) -> ShopInstant {
        ShopTimeZone.paris.instant(on: day, hour: hour, minute: minute)
    }
    private var destination: TrackingPlace { shipment.destination }

    mutating func build() {
        let origin = shipment.origin
        let start = shipment.shippedAt
        let label = shipment.direction == .toShop
            ? "Return label created; \(carrierName) awaits the parcel, \(origin.city)"
            : "Shipping label created; \(carrierName) awaits the parcel, \(origin.city)"
        add(.preTransit, start, origin, label)

        // This draw once picked the relay point: it stays so a seed keeps the times it always gave.
        _ = dice.below(6)
        let relayPoint = self.relayPoint.map { "\($0.name), \($0.street)" } ?? "the relay point"
        let handOver = shipment.speed == .relayPickup
            ? local(arrivalDay, hour: 10 + dice.below(3), minute: dice.below(60))
            : local(arrivalDay, hour: 8, minute: dice.below(60))
        addTransit(from: start, to: handOver)

        switch scenario {
        case .deliveredFirstAttempt:
            add(.outForDelivery, handOver, destination, "Out for delivery, \(destination.city)")
            let delivered = shipment.direction == .toShop
                ? "Delivered to the shop's warehouse, \(destination.city)"
                : "Delivered, \(destination.city)"
            add(.delivered, daytime(on: arrivalDay), destination, delivered)
        case .redeliveredAfterFailedAttempt:
            let nextDay = arrivalDay.addingWorkingDays(1)
            add(.outForDelivery, handOver, destination, "Out for delivery, \(destination.city)")
            add(.failure, daytime(on: arrivalDay), destination,
                "Delivery attempted: recipient absent, notice left; next attempt on the next working day, \(destination.city)",
                estimate: .day(nextDay))
            add(.outForDelivery, local(nextDay, hour: 8, minute: dice.below(60)), destination,
                "Out for delivery (second attempt), \(destination.city)", estimate: .day(nextDay))
            add(.delivered, daytime(on: nextDay), destination, "Delivered, \(destination.city)")
        case .heldAtDepotAfterFailedAttempt:
            add(.outForDelivery, handOver, destination, "Out for delivery, \(destination.city)")
            add(.failure, daytime(on: arrivalDay), destination,
                "Delivery attempted: recipient absent; parcel taken to the \(carrierName) depot, \(destination.city)")
            add(.availableForPickup, local(arrivalDay, hour: 19, minute: dice.below(60)), destination,
                "Available for pickup at the \(carrierName) depot for \(CourierSimulator.daysKeptForPickup) days, with ID, \(destination.city)")
            add(.delivered, daytime(on: arrivalDay.addingWorkingDays(1 + dice.below(3))), destination,
                "Collected by the recipient at the depot, \(destination.city)")
        case .addressNotFoundReturned:
            let nextDay = arrivalDay.addingWorkingDays(1)
            add(.outForDelivery, handOver, destination, "Out for delivery, \(destination.city)")
            add(.failure, daytime(on: arrivalDay), destination,
                "Delivery attempted: address not found; next attempt on the next working day, \(destination.city)",
                estimate: .day(nextDay))
            add(.outForDelivery, local(nextDay, hour: 8, minute: dice.below(60)), destination,
                "Out for delivery (second attempt), \(destination.city)", estimate: .day(nextDay))
            add(.failure, daytime(on: nextDay), destination,
                "Second delivery attempt failed: address not found, \(destination.city)", estimate: .unknown)
            add(.returnToSender, local(nextDay, hour: 19, minute: dice.below(60)), destination,
                "Parcel is being returned to the sender, \(destination.city)", estimate: .unknown)
        case .collectedAtRelay:
            add(.availableForPickup, handOver, destination,
                "Available for pickup at \(relayPoint), \(destination.city)")
            let waitDays = dice.below(4)
            let collected = waitDays == 0
                ? local(arrivalDay, hour: 15 + dice.below(4), minute: dice.below(60))
                : local(arrivalDay.addingWorkingDays(waitDays), hour: 10 + dice.below(9), minute: dice.below(60))
            add(.delivered, collected, destination,
                "Collected at \(relayPoint), \(destination.city)")
        case .uncollectedAtRelayReturned:
            add(.availableForPickup, handOver, destination,
                "Available for pickup at \(relayPoint), \(destination.city)")
            add(.returnToSender, local(arrivalDay.adding(days: CourierSimulator.daysKeptForPickup), hour: 20), destination,
                "Not collected within \(CourierSimulator.daysKeptForPickup) days at \(relayPoint); returning to the sender, \(destination.city)",
                estimate: .unknown)
        }
    }

    /// The pickup in working hours after the label, then sorting centres and hub up to the
    /// hand-over to the last mile, spread over that interval at fixed fractions (in thousandths)
    /// with a little seeded jitter; sorting may run at night.
    private mutating func addTransit(from start: ShopInstant, to handOver: ShopInstant) {
        let origin = shipment.origin
        let hub = shipment.carrier.hub
        let pickup = Self.pickupTime(after: start)
        add(.inTransit, pickup, origin, "Parcel picked up by \(carrierName), \(origin.city)")
        var stops: [(Int, String, TrackingPlace)] = [
            (150, "Parcel arrived at sorting centre, \(origin.city)", origin),
            (250, "Parcel left sorting centre, \(origin.city)", origin),
        ]
        let usesHub = shipment.speed != .express && hub.city != origin.city && hub.city != destination.city
        if usesHub {
            stops.append((450, "Parcel arrived at national hub, \(hub.city)", hub))
            stops.append((550, "Parcel left national hub, \(hub.city)", hub))
        }
        stops.append((800, "Parcel arrived at delivery depot, \(destination.city)", destination))
        let span = max(0, handOver.secondsSince1970 - pickup.secondsSince1970)
        var previous = pickup.secondsSince1970
        for (thousandths, message, place) in stops {
            let jittered = Int64(thousandths - 20 + dice.below(41))
            let seconds = max(previous + 60, pickup.secondsSince1970 + span * jittered / 1_000)
            previous = seconds - seconds % 60
            add(.inTransit, ShopInstant(secondsSince1970: previous), place, message)
        }
    }

    /// A delivery attempt during the day, between 10:00 and 17:59 Paris time.
    private mutating func daytime(on day: CalendarDay) -> ShopInstant {
        local(day, hour: 10 + dice.below(8), minute: dice.below(60))
    }

    /// Appends a scan and the estimated delivery day in effect once it has happened.
    private mutating func add(
        _ status: TrackingStatus, _ time: ShopInstant, _ place: TrackingPlace, _ message: String,
        estimate: Estimate = .usual
    ) {
        scans.append(ScanEvent(status: status, time: time, place: place, message: message))
        switch estimate {
        case .usual: estimates.append(status == .delivered ? time.calendarDay : arrivalDay)
        case let .day(day): estimates.append(day)
        case .unknown: estimates.append(nil)
        }
    }

    /// The estimated delivery day once a scan has happened.
    private enum Estimate {
        /// The planned arrival day, or the scan's own day for a delivery.
        case usual
        case day(CalendarDay)
        /// No delivery expected: the parcel is going back to the sender.
        case unknown
    }
}
