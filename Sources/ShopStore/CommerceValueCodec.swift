import ShopCore

/// The binary form of the values trade events and the trade state carry. Enumerations are
/// written as their raw text, so a renumbering can never change their meaning. Card numbers
/// and security codes have no form here at all: only `CardSummary` and the gateway token exist.
enum CommerceValueCodec {
    typealias Reader = BinaryReader

    // MARK: Money and time

    static func write(_ money: Money, to w: BinaryWriter) {
        w.int(money.minorUnits)
        w.string(money.currency.code)
        w.int(money.currency.minorUnitDigits)
    }

    static func readMoney(_ r: inout Reader) throws(DecodingFailure) -> Money {
        let minor = try r.int64()
        let code = try r.string()
        let digits = try r.int()
        guard let currency = Currency.validated(code: code, minorUnitDigits: digits) else {
            throw r.failure("\(Quote.value(code)) with \(digits) minor-unit digits is not a currency")
        }
        return Money(minorUnits: minor, currency: currency)
    }

    static func write(_ instant: ShopInstant, to w: BinaryWriter) { w.int(instant.secondsSince1970) }
    static func readInstant(_ r: inout Reader) throws(DecodingFailure) -> ShopInstant {
        ShopInstant(secondsSince1970: try r.int64())
    }

    static func write(_ day: CalendarDay, to w: BinaryWriter) { w.int(day.daysSince1970) }
    static func readDay(_ r: inout Reader) throws(DecodingFailure) -> CalendarDay {
        CalendarDay(daysSince1970: try r.int64())
    }

    static func readRaw<T: RawRepresentable>(_ r: inout Reader, _ type: T.Type) throws(DecodingFailure) -> T where T.RawValue == String {
        let start = r.absolutePosition
        let text = try r.string()
        guard let value = T(rawValue: text) else {
            throw DecodingFailure(offset: start, reason: "'\(text)' is not a known \(T.self) (written by a newer Comptoir?)")
        }
        return value
    }

    // MARK: Accounts

    static func write(_ address: PostalAddress, to w: BinaryWriter) {
        w.string(address.name)
        w.string(address.line1)
        w.optional(address.line2) { $0.string($1) }
        w.string(address.postalCode)
        w.string(address.city)
        w.string(address.country.code)
    }

    /// An address as `readAddress` reads it, checked once for all the records that repeat its bytes
    /// (an order copies its customer's address: a snapshot holds each many times over).
    static func readAddress(_ r: inout Reader, sharing addresses: inout ByteInterner<PostalAddress>) throws(DecodingFailure) -> PostalAddress {
        try r.value(sharedThrough: &addresses, skip: skipAddress, read: readAddress)
    }

    private static func skipAddress(_ r: inout Reader) throws(DecodingFailure) {
        try r.skipString()
        try r.skipString()
        _ = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.skipString() }
        for _ in 0..<3 { try r.skipString() }
    }

    static func readAddress(_ r: inout Reader) throws(DecodingFailure) -> PostalAddress {
        let start = r.absolutePosition
        let name = try r.string(), line1 = try r.string()
        let line2 = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.string() }
        let postalCode = try r.string(), city = try r.string(), country = try r.string()
        do {
            return try PostalAddress(name: name, line1: line1, line2: line2, postalCode: postalCode, city: city, countryCode: country)
        } catch {
            throw DecodingFailure(offset: start, reason: "a recorded address no longer passes its checks: \(error)")
        }
    }

    static func write(_ account: Account, to w: BinaryWriter) {
        w.string(account.id.rawValue)
        w.string(account.name)
        w.string(account.email.value)
        w.string(account.passwordHash.encoded)
        write(account.address, to: w)
        w.optional(account.phone) { $0.string($1.e164) }
        w.int(account.failedLoginCount)
        w.int(account.lockoutCount)
        w.optional(account.lockedUntil) { write($1, to: $0) }
    }

    static func readAccount(_ r: inout Reader) throws(DecodingFailure) -> Account {
        let start = r.absolutePosition
        let id = AccountID(try r.string())
        let name = try r.string()
        let emailText = try r.string()
        let hash = PasswordHash(encoded: try r.string())
        let address = try readAddress(&r)
        let phoneText = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.string() }
        let failed = try r.int(), lockouts = try r.int()
        let lockedUntil = try r.optional(readInstant)
        do {
            let email = try EmailAddress(emailText)
            let phone = try phoneText.map { text throws(PhoneNumberError) in try PhoneNumber(text, country: address.country) }
            return Account(id: id, name: name, email: email, passwordHash: hash, address: address, phone: phone,
                           failedLoginCount: failed, lockoutCount: lockouts, lockedUntil: lockedUntil)
        } catch {
            throw DecodingFailure(offset: start, reason: "a recorded account no longer passes its checks: \(error)")
        }
    }

    static func write(_ cart: Cart, to w: BinaryWriter) {
        w.array(cart.lines) { w, line in
            w.string(line.sku)
            w.int(line.quantity)
        }
    }

    static func readCart(_ r: inout Reader) throws(DecodingFailure) -> Cart {
        Cart(lines: try r.array(minimumItemSize: 2) { (r: inout Reader) throws(DecodingFailure) in
            let sku = try r.string()
            return CartLine(sku: sku, quantity: try r.int())
        })
    }

    // MARK: Tracking

    static func write(_ place: TrackingPlace, to w: BinaryWriter) {
        w.string(place.city)
        w.string(place.countryCode)
    }

    static func readPlace(_ r: inout Reader, sharing texts: inout ByteInterner<String>) throws(DecodingFailure) -> TrackingPlace {
        let city = try r.string(interning: &texts)
        return TrackingPlace(city: city, countryCode: try r.string(interning: &texts))
    }

    static func write(_ shipment: Shipment, to w: BinaryWriter) {
        w.string(shipment.trackingNumber.value)
        write(shipment.origin, to: w)
        write(shipment.destination, to: w)
        write(shipment.shippedAt, to: w)
        w.string(shipment.speed.rawValue)
        w.string(shipment.direction.rawValue)
        w.fixed64(shipment.seed)
    }

    static func readShipment(_ r: inout Reader) throws(DecodingFailure) -> Shipment {
        var tables = OrderDecodingTables.none(for: r)
        return try readShipment(&r, sharing: &tables)
    }

    static func readShipment(_ r: inout Reader, sharing tables: inout OrderDecodingTables) throws(DecodingFailure) -> Shipment {
        let start = r.absolutePosition
        let text = try r.string()
        let number: TrackingNumber
        do { number = try TrackingNumber(text) } catch {
            throw DecodingFailure(offset: start, reason: error.description)
        }
        let origin = try readPlace(&r, sharing: &tables.texts), destination = try readPlace(&r, sharing: &tables.texts)
        let shippedAt = try readInstant(&r)
        let speed = try readRaw(&r, DeliverySpeed.self)
        let direction = try readRaw(&r, Shipment.Direction.self)
        return Shipment(trackingNumber: number, origin: origin, destination: destination, shippedAt: shippedAt,
                        speed: speed, direction: direction, seed: try r.fixed64())
    }

    static func write(_ scan: ScanEvent, to w: BinaryWriter) {
        w.string(scan.status.rawValue)
        write(scan.time, to: w)
        write(scan.place, to: w)
        w.string(scan.message)
    }

    static func readScan(_ r: inout Reader, sharing texts: inout ByteInterner<String>) throws(DecodingFailure) -> ScanEvent {
        let status = try readRaw(&r, TrackingStatus.self)
        let time = try readInstant(&r)
        let place = try readPlace(&r, sharing: &texts)
        return ScanEvent(status: status, time: time, place: place, message: try r.string(interning: &texts))
    }

    static func readScans(_ r: inout Reader) throws(DecodingFailure) -> [ScanEvent] {
        var tables = OrderDecodingTables.none(for: r)
        return try readScans(&r, sharing: &tables)
    }

    /// A parcel's scans, whose places and messages repeat across parcels (shared through `tables`).
    static func readScans(_ r: inout Reader, sharing tables: inout OrderDecodingTables) throws(DecodingFailure) -> [ScanEvent] {
        try r.array(minimumItemSize: 6) { (r: inout Reader) throws(DecodingFailure) in try readScan(&r, sharing: &tables.texts) }
    }

    // MARK: Support and mail

    static func write(_ ticket: SupportTicket, to w: BinaryWriter) {
        w.string(ticket.id)
        w.string(ticket.customer.rawValue)
        w.string(ticket.orderNumber)
        w.string(ticket.topic.rawValue)
        w.string(ticket.subject)
        w.array(ticket.messages) { write($1, to: $0) }
        w.string(ticket.status.rawValue)
    }

    static func readTicket(_ r: inout Reader) throws(DecodingFailure) -> SupportTicket {
        let id = try r.string(), customer = AccountID(try r.string()), order = try r.string()
        let topic = try readRaw(&r, SupportTopic.self)
        let subject = try r.string()
        let messages = try r.array(minimumItemSize: 3, readTicketMessage)
        return SupportTicket(id: id, customer: customer, orderNumber: order, topic: topic, subject: subject,
                             messages: messages, status: try readRaw(&r, TicketStatus.self))
    }

    static func write(_ message: TicketMessage, to w: BinaryWriter) {
        w.string(message.author.rawValue)
        write(message.at, to: w)
        w.string(message.text)
    }

    static func readTicketMessage(_ r: inout Reader) throws(DecodingFailure) -> TicketMessage {
        let author = try readRaw(&r, TicketMessage.Author.self)
        let at = try readInstant(&r)
        return TicketMessage(author: author, at: at, text: try r.string())
    }

    static func write(_ message: OutgoingMessage, to w: BinaryWriter) {
        w.int(message.sequence)
        w.string(message.kind.rawValue)
        w.string(message.toName)
        w.string(message.toAddress)
        w.string(message.subject)
        w.string(message.body)
        write(message.date, to: w)
        w.optional(message.orderNumber) { $0.string($1) }
    }

    static func readOutgoing(_ r: inout Reader) throws(DecodingFailure) -> OutgoingMessage {
        let sequence = try r.int()
        let kind = try readRaw(&r, MessageKind.self)
        let toName = try r.string(), toAddress = try r.string(), subject = try r.string(), body = try r.string()
        let date = try readInstant(&r)
        let order = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.string() }
        return OutgoingMessage(sequence: sequence, kind: kind, toName: toName, toAddress: toAddress, subject: subject,
                               body: body, date: date, orderNumber: order)
    }
}
