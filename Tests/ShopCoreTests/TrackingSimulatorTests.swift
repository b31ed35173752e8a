import Testing
@testable import ShopCore

@Suite("Courier simulator")
struct TrackingSimulatorTests {
    static let warehouse = TrackingPlace(city: "Lyon", countryCode: "FR")
    static let customer = TrackingPlace(city: "Bordeaux", countryCode: "FR")
    /// Monday 23 November 2026, 10:15 UTC.
    static let monday = CalendarDay(year: 2026, month: 11, day: 23).at(hour: 10, minute: 15)

    static func shipment(
        seed: UInt64, speed: DeliverySpeed = .standard, at shippedAt: ShopInstant = monday,
        carrier: Carrier = .colisRapide
    ) -> Shipment {
        var generator = SplitMix64(seed: seed)
        return Shipment(
            trackingNumber: .generate(for: carrier, using: &generator), origin: warehouse,
            destination: customer, shippedAt: shippedAt, speed: speed, seed: seed
        )
    }

    static func simulators(speed: DeliverySpeed, count: UInt64 = 600) -> [CourierSimulator] {
        (0..<count).map { seed in
            let shippedAt = monday.adding(minutes: Int(seed * 97 % 1_440))
            return CourierSimulator(shipment: shipment(seed: seed, speed: speed, at: shippedAt,
                                                      carrier: Carrier.allCases[Int(seed % 3)]))
        }
    }

    @Test("the same shipment always gives the same timeline")
    func determinism() {
        for seed: UInt64 in [0, 1, 99, .max] {
            let first = CourierSimulator(shipment: Self.shipment(seed: seed))
            let second = CourierSimulator(shipment: Self.shipment(seed: seed))
            #expect(first == second)
            #expect(first.plannedScans == second.plannedScans)
        }
        let timelines = Set((0..<20).map { CourierSimulator(shipment: Self.shipment(seed: $0)).plannedScans })
        #expect(timelines.count > 1, "different seeds should give different timelines")
    }

    @Test("scans are in time order and statuses follow legally", arguments: DeliverySpeed.allCases)
    func legalProgress(speed: DeliverySpeed) {
        for simulator in Self.simulators(speed: speed) {
            let scans = simulator.plannedScans
            #expect(scans.first?.status == .preTransit)
            #expect(scans.first?.time == simulator.shipment.shippedAt)
            #expect(scans.last?.status.isFinal == true)
            for (previous, next) in zip(scans, scans.dropFirst()) {
                #expect(previous.time < next.time, "\(simulator.scenario): \(previous.message) then \(next.message)")
                #expect(previous.status.canBeFollowed(by: next.status),
                        "\(simulator.scenario): \(previous.status) then \(next.status)")
            }
            #expect(scans.contains { $0.status == .inTransit })
            #expect(!scans.isEmpty && scans.allSatisfy { !$0.message.isEmpty && $0.message.hasSuffix($0.place.city) })
            let days = simulator.shipment.shippedAt.calendarDay.days(until: simulator.completionTime.calendarDay)
            #expect(days <= CourierSimulator.longestRouteDays)
        }
    }

    /// Working days (Monday to Saturday) after `from` up to and including `to`.
    static func workingDays(from: CalendarDay, to: CalendarDay) -> Int {
        (1...max(1, from.days(until: to))).filter { from.adding(days: $0).isWorkingDay && from.days(until: to) > 0 }.count
    }

    @Test("express arrives within 1-2 working days, standard and relay within 2-5 (one more when picked up late), Monday to Saturday in the daytime")
    func transitTimes() {
        let paris = ShopTimeZone.paris
        for speed in DeliverySpeed.allCases {
            let allowed = speed.transitDays
            #expect(allowed == (speed == .express ? 1...2 : 2...5))
            var seen = Set<Int>()
            for simulator in Self.simulators(speed: speed) {
                let shipDay = paris.day(of: simulator.shipment.shippedAt)
                let arrival = Self.workingDays(from: shipDay, to: simulator.plannedArrivalDay)
                seen.insert(arrival)
                #expect(allowed.lowerBound...allowed.upperBound + 1 ~= arrival)
                #expect(simulator.plannedArrivalDay.isWorkingDay)
                for scan in simulator.plannedScans where [.delivered, .outForDelivery, .failure].contains(scan.status) {
                    let local = paris.local(scan.time)
                    let hour = (local.secondsSince1970 - local.calendarDay.start.secondsSince1970) / 3_600
                    #expect(local.calendarDay.isWorkingDay, "\(scan.status) on a Sunday")
                    #expect((8...18).contains(hour), "\(scan.status) at \(hour) h")
                }
                let pickup = simulator.plannedScans.first { $0.message.hasPrefix("Parcel picked up") }!
                let pickupLocal = paris.local(pickup.time)
                let pickupHour = (pickupLocal.secondsSince1970 - pickupLocal.calendarDay.start.secondsSince1970) / 3_600
                #expect(pickup.time > simulator.shipment.shippedAt && pickupLocal.calendarDay.isWorkingDay && (8...18).contains(pickupHour))
            }
            #expect(Set(allowed).isSubset(of: seen), "every transit time of \(speed) occurs")
        }
    }

    @Test("express shipped after the 17:00 cut-off takes two days")
    func expressCutOff() {
        let day = CalendarDay(year: 2026, month: 11, day: 23)
        let before = CourierSimulator(shipment: Self.shipment(seed: 3, speed: .express, at: ShopTimeZone.paris.instant(on: day, hour: 16, minute: 59)))
        let after = CourierSimulator(shipment: Self.shipment(seed: 3, speed: .express, at: ShopTimeZone.paris.instant(on: day, hour: 17)))
        #expect(before.plannedArrivalDay == day.adding(days: 1))
        #expect(after.plannedArrivalDay == day.adding(days: 2))
    }

    @Test("scans(upTo:) includes a scan at exactly its time, not a second before")
    func boundaries() {
        let simulator = CourierSimulator(shipment: Self.shipment(seed: 5))
        let shippedAt = simulator.shipment.shippedAt
        #expect(simulator.scans(upTo: ShopInstant(secondsSince1970: shippedAt.secondsSince1970 - 1)).isEmpty)
        #expect(simulator.status(at: ShopInstant(secondsSince1970: shippedAt.secondsSince1970 - 1)) == nil)
        for (index, scan) in simulator.plannedScans.enumerated() {
            let justBefore = ShopInstant(secondsSince1970: scan.time.secondsSince1970 - 1)
            #expect(simulator.scans(upTo: justBefore).count == index)
            #expect(simulator.scans(upTo: scan.time) == Array(simulator.plannedScans[...index]))
            #expect(simulator.status(at: scan.time) == scan.status)
            #expect(simulator.scans(after: justBefore, upTo: scan.time) == [scan])
            #expect(simulator.scans(after: scan.time, upTo: scan.time).isEmpty)
        }
        #expect(simulator.scans(upTo: shippedAt.adding(days: 60)) == simulator.plannedScans)
        #expect(simulator.scans(after: shippedAt.adding(days: -1), upTo: shippedAt.adding(days: 60)) == simulator.plannedScans)
    }

    @Test("relay pickup always waits at a relay point before it is collected or returned")
    func relayPickup() {
        var scenarios = Set<CourierScenario>()
        for simulator in Self.simulators(speed: .relayPickup) {
            scenarios.insert(simulator.scenario)
            let statuses = simulator.plannedScans.map(\.status)
            #expect(statuses.contains(.availableForPickup))
            #expect(!statuses.contains(.outForDelivery) && !statuses.contains(.failure))
            let pickup = simulator.plannedScans.first { $0.status == .availableForPickup }!
            #expect(pickup.message.hasPrefix("Available for pickup at the relay point, "))
            #expect(pickup.time.calendarDay == simulator.plannedArrivalDay)
            if simulator.scenario == .collectedAtRelay {
                #expect(statuses.last == .delivered)
                #expect(simulator.plannedScans.last!.message.hasPrefix("Collected at the relay point, "))
            }
        }
        #expect(scenarios == [.collectedAtRelay, .uncollectedAtRelayReturned])
    }

    @Test("exceptions occur for some seeds, about one parcel in 12, and are well-formed")
    func exceptions() {
        let simulators = Self.simulators(speed: .standard, count: 1_200)
        let counts = Dictionary(grouping: simulators, by: \.scenario).mapValues(\.count)
        #expect(Set(counts.keys) == [.deliveredFirstAttempt, .redeliveredAfterFailedAttempt,
                                     .heldAtDepotAfterFailedAttempt, .addressNotFoundReturned])
        let exceptional = simulators.count - counts[.deliveredFirstAttempt, default: 0]
        #expect((60...140).contains(exceptional), "expected about 100 exceptions in 1200, got \(exceptional)")

        for simulator in simulators {
            let statuses = simulator.plannedScans.map(\.status)
            switch simulator.scenario {
            case .redeliveredAfterFailedAttempt:
                let failure = simulator.plannedScans.first { $0.status == .failure }!
                let delivered = simulator.plannedScans.last!
                #expect(statuses.filter { $0 == .outForDelivery }.count == 2)
                #expect(delivered.status == .delivered)
                #expect(ShopTimeZone.paris.day(of: failure.time).addingWorkingDays(1) == ShopTimeZone.paris.day(of: delivered.time))
            case .heldAtDepotAfterFailedAttempt:
                #expect(Array(statuses.suffix(4)) == [.outForDelivery, .failure, .availableForPickup, .delivered])
            case .addressNotFoundReturned:
                #expect(Array(statuses.suffix(5)) == [.outForDelivery, .failure, .outForDelivery, .failure, .returnToSender])
            case .deliveredFirstAttempt:
                #expect(Array(statuses.suffix(2)) == [.outForDelivery, .delivered])
            case .collectedAtRelay, .uncollectedAtRelayReturned:
                Issue.record("relay scenario for a home delivery")
            }
        }
    }

    @Test("the estimate moves a day after a failed attempt and settles on the delivery day")
    func estimates() throws {
        let simulator = try #require(Self.simulators(speed: .standard, count: 200)
            .first { $0.scenario == .redeliveredAfterFailedAttempt })
        let planned = simulator.plannedArrivalDay
        let failure = simulator.plannedScans.first { $0.status == .failure }!
        let delivered = simulator.plannedScans.last!
        #expect(simulator.estimatedDelivery(now: simulator.shipment.shippedAt.adding(minutes: -5)) == planned)
        #expect(simulator.estimatedDelivery(now: failure.time.adding(minutes: -1)) == planned)
        #expect(simulator.estimatedDelivery(now: failure.time) == planned.adding(days: 1))
        #expect(simulator.estimatedDelivery(now: delivered.time) == delivered.time.calendarDay)
        #expect(simulator.estimatedDelivery(now: delivered.time.adding(days: 20)) == planned.adding(days: 1))
    }

    @Test("a parcel going back to the sender has no estimate")
    func returnedHasNoEstimate() throws {
        let simulator = try #require(Self.simulators(speed: .standard, count: 1_200)
            .first { $0.scenario == .addressNotFoundReturned })
        let secondFailure = simulator.plannedScans.last { $0.status == .failure }!
        #expect(simulator.estimatedDelivery(now: secondFailure.time.adding(minutes: -1)) == simulator.plannedArrivalDay.adding(days: 1))
        #expect(simulator.estimatedDelivery(now: simulator.completionTime) == nil)
        #expect(simulator.status(at: simulator.completionTime) == .returnToSender)
    }

    @Test("a first-attempt delivery keeps its planned estimate")
    func steadyEstimate() throws {
        let simulator = try #require(Self.simulators(speed: .express, count: 50)
            .first { $0.scenario == .deliveredFirstAttempt })
        for scan in simulator.plannedScans {
            #expect(simulator.estimatedDelivery(now: scan.time) == simulator.plannedArrivalDay)
        }
    }

    @Test("return parcels travel to the warehouse and are always delivered")
    func returnParcels() {
        for seed in UInt64(0)..<240 {
            var generator = SplitMix64(seed: seed &+ 1_000)
            let shipment = Shipment.returnParcel(
                trackingNumber: .generate(for: .estafette, using: &generator), from: Self.customer,
                to: Self.warehouse, shippedAt: Self.monday, seed: seed
            )
            let simulator = CourierSimulator(shipment: shipment)
            #expect(simulator.scenario == .deliveredFirstAttempt)
            #expect(simulator.plannedScans.first!.message.hasPrefix("Return label created"))
            #expect(simulator.plannedScans.last!.message == "Delivered to the shop's warehouse, Lyon")
            #expect(simulator.plannedScans.last!.place == Self.warehouse)
        }
    }

    @Test("standard routes pass the carrier's hub; express goes direct")
    func hub() {
        let standard = CourierSimulator(shipment: Self.shipment(seed: 11, speed: .standard))
        let express = CourierSimulator(shipment: Self.shipment(seed: 11, speed: .express))
        #expect(standard.plannedScans.contains { $0.message == "Parcel arrived at national hub, Orléans" })
        #expect(!express.plannedScans.contains { $0.place.city == "Orléans" })
        #expect(express.plannedScans.contains { $0.message == "Parcel arrived at sorting centre, Lyon" })
    }

    @Test("legal status transitions")
    func transitions() {
        #expect(TrackingStatus.preTransit.canBeFollowed(by: .inTransit))
        #expect(!TrackingStatus.preTransit.canBeFollowed(by: .delivered))
        #expect(!TrackingStatus.inTransit.canBeFollowed(by: .delivered))
        #expect(TrackingStatus.failure.canBeFollowed(by: .returnToSender))
        for status in TrackingStatus.allCases {
            #expect(!TrackingStatus.delivered.canBeFollowed(by: status))
            #expect(!TrackingStatus.returnToSender.canBeFollowed(by: status))
        }
        #expect(TrackingStatus(rawValue: "out_for_delivery") == .outForDelivery)
        #expect(TrackingStatus.allCases.map(\.rawValue) == [
            "pre_transit", "in_transit", "out_for_delivery", "delivered", "available_for_pickup",
            "failure", "return_to_sender",
        ])
    }
}

@Suite("A believable carrier: working days and hours, Paris time")
struct CarrierWorkingHoursTests {
    @Test("a return label made on Saturday night is picked up on Monday morning, after the label")
    func returnPickupAfterItsLabel() throws {
        let saturdayNight = ShopTimeZone.paris.instant(on: CalendarDay(year: 2026, month: 11, day: 28), hour: 22)
        var dice = SplitMix64(seed: 9)
        let parcel = Shipment.returnParcel(
            trackingNumber: .generate(for: .colisRapide, using: &dice), from: TrackingPlace(city: "Paris", countryCode: "FR"),
            to: TrackingPlace(city: "Lyon", countryCode: "FR"), shippedAt: saturdayNight, seed: 9)
        let scans = CourierSimulator(shipment: parcel).plannedScans
        let pickup = try #require(scans.first { $0.message.hasPrefix("Parcel picked up") })
        #expect(pickup.time == ShopTimeZone.paris.instant(on: CalendarDay(year: 2026, month: 11, day: 30), hour: 8))
        #expect(zip(scans, scans.dropFirst()).allSatisfy { $0.time < $1.time })
    }

    @Test("the promise counts working days: ordered on Saturday, standard comes Tuesday to Friday")
    func promiseCountsWorkingDays() throws {
        var shop = try TradeShop()
        shop.now = ShopTimeZone.paris.instant(on: CalendarDay(year: 2026, month: 11, day: 28), hour: 11)
        let number = try shop.order()
        #expect(shop.order(number).promise == CalendarDay(year: 2026, month: 12, day: 1)...CalendarDay(year: 2026, month: 12, day: 4))
        #expect(CalendarDay(year: 2026, month: 11, day: 28).addingWorkingDays(1) == CalendarDay(year: 2026, month: 11, day: 30))
        #expect(CalendarDay(year: 2026, month: 11, day: 29).addingWorkingDays(1) == CalendarDay(year: 2026, month: 11, day: 30))
    }
}
