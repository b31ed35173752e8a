import ShopCore

/// The binary form of orders and their payments. See `CommerceValueCodec`.
enum OrderCodec {
    typealias Reader = BinaryReader
    typealias V = CommerceValueCodec

    // MARK: Payments

    static func write(_ summary: CardSummary, to w: BinaryWriter) {
        w.string(summary.brand.rawValue)
        w.optional(summary.coBadge) { $0.string($1.rawValue) }
        w.string(summary.lastFour)
        w.int(summary.expiryMonth)
        w.int(summary.expiryYear)
    }

    static func readCardSummary(_ r: inout Reader) throws(DecodingFailure) -> CardSummary {
        let brand = try V.readRaw(&r, CardBrand.self)
        let coBadge = try r.optional { (r: inout Reader) throws(DecodingFailure) in try V.readRaw(&r, CardBrand.self) }
        let lastFour = try r.string()
        let month = try r.int()
        return CardSummary(brand: brand, coBadge: coBadge, lastFour: lastFour, expiryMonth: month, expiryYear: try r.int())
    }

    static func write(_ failure: PaymentFailure, to w: BinaryWriter) {
        switch failure {
        case let .declined(reason): w.string("declined:\(reason.rawValue)")
        case .tooManyWrongCodes: w.string("too_many_wrong_codes")
        case .codeExpired: w.string("code_expired")
        case .walletDeclined: w.string("wallet_declined")
        }
    }

    static func readFailure(_ r: inout Reader) throws(DecodingFailure) -> PaymentFailure {
        let start = r.absolutePosition
        let text = try r.string()
        switch text {
        case "too_many_wrong_codes": return .tooManyWrongCodes
        case "code_expired": return .codeExpired
        case "wallet_declined": return .walletDeclined
        default:
            if text.hasPrefix("declined:"), let reason = DeclineReason(rawValue: String(text.dropFirst(9))) {
                return .declined(reason)
            }
            throw DecodingFailure(offset: start, reason: "'\(text)' is not a known payment failure")
        }
    }

    static func write(_ payment: Payment, to w: BinaryWriter) {
        switch payment {
        case let .card(card):
            w.byte(1)
            w.string(card.token.value)
            write(card.card, to: w)
            V.write(card.amount, to: w)
            V.write(card.createdAt, to: w)
            switch card.status {
            case let .requiresAction(challenge):
                w.byte(1)
                w.string(challenge.oneTimeCode)
                V.write(challenge.issuedAt, to: w)
                w.int(challenge.attemptsLeft)
            case .authorized: w.byte(2)
            case .captured: w.byte(3)
            case let .failed(failure):
                w.byte(4)
                write(failure, to: w)
            case .canceled: w.byte(5)
            }
        case let .wallet(wallet):
            w.byte(2)
            w.string(wallet.token.value)
            w.string(wallet.payer)
            V.write(wallet.amount, to: w)
            V.write(wallet.createdAt, to: w)
            switch wallet.status {
            case .created: w.byte(1)
            case .approved: w.byte(2)
            case .captured: w.byte(3)
            case .canceled: w.byte(4)
            case let .failed(failure):
                w.byte(5)
                write(failure, to: w)
            }
        case let .cash(cash):
            w.byte(3)
            w.string(cash.reference.description)
            V.write(cash.amount, to: w)
            V.write(cash.issuedAt, to: w)
            switch cash.status {
            case .awaitingPayment: w.byte(1)
            case let .paid(at):
                w.byte(2)
                V.write(at, to: w)
            case .expired: w.byte(3)
            case .canceled: w.byte(4)
            }
        }
    }

    static func readPayment(_ r: inout Reader) throws(DecodingFailure) -> Payment {
        let start = r.absolutePosition
        func unknown(_ what: String, _ tag: UInt8) -> DecodingFailure {
            DecodingFailure(offset: start, reason: "unknown \(what) tag \(tag) (written by a newer Comptoir?)")
        }
        let method = try r.byte()
        switch method {
        case 1:
            let token = GatewayToken(value: try r.string())
            let summary = try readCardSummary(&r)
            let amount = try V.readMoney(&r)
            let createdAt = try V.readInstant(&r)
            let tag = try r.byte()
            let status: CardPaymentStatus
            switch tag {
            case 1:
                let code = try r.string()
                let issuedAt = try V.readInstant(&r)
                status = .requiresAction(ThreeDSecureChallenge(oneTimeCode: code, issuedAt: issuedAt, attemptsLeft: try r.int()))
            case 2: status = .authorized
            case 3: status = .captured
            case 4: status = .failed(try readFailure(&r))
            case 5: status = .canceled
            default: throw unknown("card payment status", tag)
            }
            return .card(CardPayment(token: token, card: summary, amount: amount, createdAt: createdAt, status: status))
        case 2:
            let token = GatewayToken(value: try r.string())
            let payer = try r.string()
            let amount = try V.readMoney(&r)
            let createdAt = try V.readInstant(&r)
            let tag = try r.byte()
            let status: WalletPaymentStatus
            switch tag {
            case 1: status = .created
            case 2: status = .approved
            case 3: status = .captured
            case 4: status = .canceled
            case 5: status = .failed(try readFailure(&r))
            default: throw unknown("wallet payment status", tag)
            }
            return .wallet(WalletPayment(token: token, payer: payer, amount: amount, createdAt: createdAt, status: status))
        case 3:
            let text = try r.string()
            let reference: CashReference
            do { reference = try CashReference(text) } catch {
                throw DecodingFailure(offset: start, reason: error.description)
            }
            let amount = try V.readMoney(&r)
            let issuedAt = try V.readInstant(&r)
            let tag = try r.byte()
            let status: CashPaymentStatus
            switch tag {
            case 1: status = .awaitingPayment
            case 2: status = .paid(at: try V.readInstant(&r))
            case 3: status = .expired
            case 4: status = .canceled
            default: throw unknown("cash payment status", tag)
            }
            return .cash(CashPayment(reference: reference, amount: amount, issuedAt: issuedAt, status: status))
        default:
            throw unknown("payment method", method)
        }
    }

    // MARK: Orders

    /// The two layouts of an order. `withRelayPoint` (trade event `orderPlacedWithRelayPoint`,
    /// snapshot format 6) holds the relay point chosen after the address; an order of the older
    /// layout (event `orderPlaced`, snapshots up to 5) goes to the point nearest its address, as it
    /// did when it was placed.
    enum Layout {
        case beforeRelayPoint
        case withRelayPoint
    }

    /// Writes `order` in the `withRelayPoint` layout.
    static func write(_ order: Order, to w: BinaryWriter) {
        w.string(order.number)
        w.string(order.customer.rawValue)
        V.write(order.placedAt, to: w)
        w.array(order.lines) { w, line in
            w.string(line.sku)
            w.string(line.title)
            w.int(line.quantity)
            V.write(line.unitPrice, to: w)
            w.string(line.vatClass.rawValue)
            w.bool(line.perishable)
        }
        w.string(order.delivery.rawValue)
        V.write(order.address, to: w)
        w.optional(order.relayPoint) { write($1, to: $0) }
        w.array(order.extras) { $0.string($1.rawValue) }
        w.optional(order.promoCode) { $0.string($1) }
        V.write(order.totals.discount, to: w)
        V.write(order.promise.lowerBound, to: w)
        V.write(order.promise.upperBound, to: w)
        w.string(order.state.rawValue)
        w.optional(order.cancelReason) { $0.string($1.rawValue) }
        w.array(order.payments) { write($1, to: $0) }
        w.array(order.refunds) { w, refund in
            V.write(refund.amount, to: w)
            V.write(refund.at, to: w)
        }
        w.string(order.fulfillment.rawValue)
        w.optional(order.preparingSince) { V.write($1, to: $0) }
        w.optional(order.shipment) { V.write($1, to: $0) }
        w.array(order.scans) { V.write($1, to: $0) }
        w.optional(order.deliveredAt) { V.write($1, to: $0) }
        w.array(order.returns) { write($1, to: $0) }
    }

    static func readOrder(_ r: inout Reader, layout: Layout) throws(DecodingFailure) -> Order {
        var tables = OrderDecodingTables.none(for: r)
        return try readOrder(&r, layout: layout, sharing: &tables)
    }

    /// An order whose repeated parts (address, line titles, parcel places and messages) are shared
    /// through `tables` with the orders read before it from the same bytes.
    static func readOrder(_ r: inout Reader, layout: Layout, sharing tables: inout OrderDecodingTables) throws(DecodingFailure) -> Order {
        let number = try r.string()
        let customer = AccountID(try r.string())
        let placedAt = try V.readInstant(&r)
        let lines = try r.array(minimumItemSize: 6) { (r: inout Reader) throws(DecodingFailure) in
            let sku = try r.string(), title = try r.string(interning: &tables.titles), quantity = try r.int()
            let price = try V.readMoney(&r)
            let vatClass = try V.readRaw(&r, VATClass.self)
            return OrderLine(sku: sku, title: title, quantity: quantity, unitPrice: price, vatClass: vatClass, perishable: try r.bool())
        }
        let delivery = try V.readRaw(&r, DeliveryMethod.self)
        let address = try V.readAddress(&r, sharing: &tables.addresses)
        let relayPoint = layout == .withRelayPoint ? try r.optional(readPlace) : nil
        let extras = try r.array { (r: inout Reader) throws(DecodingFailure) in try V.readRaw(&r, CheckoutExtra.self) }
        let promo = try r.optional { (r: inout Reader) throws(DecodingFailure) in try r.string() }
        let discount = try V.readMoney(&r)
        let first = try V.readDay(&r), last = try V.readDay(&r)
        var order = Order(number: number, customer: customer, placedAt: placedAt, lines: lines, delivery: delivery,
                          address: address, relayPoint: relayPoint, extras: extras, promoCode: promo, discount: discount, promise: first...max(first, last))
        order.state = try V.readRaw(&r, OrderState.self)
        order.cancelReason = try r.optional { (r: inout Reader) throws(DecodingFailure) in try V.readRaw(&r, CancelReason.self) }
        order.payments = try r.array(minimumItemSize: 4, readPayment)
        let refunds = try r.array(minimumItemSize: 3) { (r: inout Reader) throws(DecodingFailure) in
            let amount = try V.readMoney(&r)
            return (amount, try V.readInstant(&r))
        }
        if let method = order.currentPayment?.method {
            order.refunds = refunds.map { Refund(amount: $0.0, at: $0.1, method: method) }
        }
        order.fulfillment = try V.readRaw(&r, FulfillmentState.self)
        order.preparingSince = try r.optional(V.readInstant)
        order.shipment = try r.optional { (r: inout Reader) throws(DecodingFailure) in try V.readShipment(&r, sharing: &tables) }
        order.scans = try V.readScans(&r, sharing: &tables)
        order.deliveredAt = try r.optional(V.readInstant)
        order.returns = try r.array(minimumItemSize: 4) { (r: inout Reader) throws(DecodingFailure) in try readReturn(&r, sharing: &tables) }
        return order
    }

    static func write(_ place: LocalPlace, to w: BinaryWriter) {
        for field in [place.id, place.name, place.street, place.postalCode, place.city, place.openingHours] { w.string(field) }
    }

    static func readPlace(_ r: inout Reader) throws(DecodingFailure) -> LocalPlace {
        let id = try r.string(), name = try r.string(), street = try r.string()
        let postalCode = try r.string(), city = try r.string()
        return LocalPlace(id: id, name: name, street: street, postalCode: postalCode, city: city, openingHours: try r.string())
    }

    static func write(_ request: ReturnRequest, to w: BinaryWriter) {
        w.array(request.lines) { w, line in
            w.string(line.sku)
            w.int(line.quantity)
        }
        V.write(request.requestedAt, to: w)
        V.write(request.shipment, to: w)
        w.array(request.scans) { V.write($1, to: $0) }
        w.optional(request.receivedAt) { V.write($1, to: $0) }
    }

    static func readReturn(_ r: inout Reader) throws(DecodingFailure) -> ReturnRequest {
        var tables = OrderDecodingTables.none(for: r)
        return try readReturn(&r, sharing: &tables)
    }

    static func readReturn(_ r: inout Reader, sharing tables: inout OrderDecodingTables) throws(DecodingFailure) -> ReturnRequest {
        let lines = try r.array(minimumItemSize: 2) { (r: inout Reader) throws(DecodingFailure) in
            let sku = try r.string()
            return ReturnLine(sku: sku, quantity: try r.int())
        }
        let requestedAt = try V.readInstant(&r)
        let shipment = try V.readShipment(&r, sharing: &tables)
        let scans = try V.readScans(&r, sharing: &tables)
        return ReturnRequest(lines: lines, requestedAt: requestedAt, shipment: shipment, scans: scans,
                             receivedAt: try r.optional(V.readInstant))
    }
}

/// What the orders read from one buffer share: an order copies its customer's address (checked once
/// here, not once per order), and line titles, parcel places and scan messages repeat across orders.
struct OrderDecodingTables {
    var addresses: ByteInterner<PostalAddress>
    var titles: ByteInterner<String>
    var texts: ByteInterner<String>

    /// Tables for `orders` orders in `reader`'s bytes (sized by them: a table's slots are allocated whole).
    init(for reader: BinaryReader, orders: Int) {
        addresses = ByteInterner(buffer: reader.buffer, capacity: min(1 << 16, orders))
        titles = ByteInterner(buffer: reader.buffer, capacity: min(1 << 14, orders * 2))
        texts = ByteInterner(buffer: reader.buffer, capacity: min(4_096, orders * 4))
    }

    private init(none reader: BinaryReader) {
        addresses = .none(for: reader.buffer)
        titles = .none(for: reader.buffer)
        texts = .none(for: reader.buffer)
    }

    /// Tables that keep nothing, for a single order.
    static func none(for reader: BinaryReader) -> OrderDecodingTables { OrderDecodingTables(none: reader) }
}
