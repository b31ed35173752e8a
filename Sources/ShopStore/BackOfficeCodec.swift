import ShopCore

/// The binary form of `BackOfficeEvent`s (inside `CommerceEventCodec`'s `backOffice` tag) and of
/// the back office in snapshots (format 4 and later). Tags are never reused or renumbered.
enum BackOfficeCodec {
    typealias Reader = BinaryReader
    typealias V = CommerceValueCodec

    enum Tag: UInt8 {
        case staffAdded = 1, staffRemoved, fulfilmentModeSet, promotionAdded, promotionEnded, stockSet, priceSet
        case listingChanged, marketingConsent, audited, staffLoginRecorded
    }

    static func write(_ event: BackOfficeEvent, to w: BinaryWriter) {
        func tag(_ tag: Tag) { w.byte(tag.rawValue) }
        switch event {
        case let .staffAdded(member): tag(.staffAdded); write(member, to: w)
        case let .staffRemoved(email): tag(.staffRemoved); w.string(email)
        case let .staffLoginRecorded(email, failed, lockouts, until):
            tag(.staffLoginRecorded); w.string(email); w.int(failed); w.int(lockouts); w.optional(until) { V.write($1, to: $0) }
        case let .fulfilmentModeSet(mode): tag(.fulfilmentModeSet); w.string(mode.rawValue)
        case let .promotionAdded(code): tag(.promotionAdded); write(code, to: w)
        case let .promotionEnded(code, at): tag(.promotionEnded); w.string(code); V.write(at, to: w)
        case let .stockSet(sku, onHand): tag(.stockSet); w.string(sku); w.int(onHand)
        case let .priceSet(sku, price): tag(.priceSet); w.string(sku); V.write(price, to: w)
        case let .listingChanged(sku, listed): tag(.listingChanged); w.string(sku); w.bool(listed)
        case let .marketingConsent(id, given, at):
            tag(.marketingConsent); w.string(id.rawValue); w.bool(given); V.write(at, to: w)
        case let .audited(entry): tag(.audited); write(entry, to: w)
        }
    }

    static func read(_ r: inout Reader) throws(DecodingFailure) -> BackOfficeEvent {
        let start = r.absolutePosition
        let raw = try r.byte()
        guard let tag = Tag(rawValue: raw) else {
            throw DecodingFailure(offset: start, reason: "unknown back-office event tag \(raw) (written by a newer Comptoir?)")
        }
        switch tag {
        case .staffAdded: return .staffAdded(try readStaff(&r))
        case .staffRemoved: return .staffRemoved(email: try r.string())
        case .staffLoginRecorded:
            let email = try r.string()
            let failed = try r.int(), lockouts = try r.int()
            return .staffLoginRecorded(email: email, failedLoginCount: failed, lockoutCount: lockouts, lockedUntil: try r.optional(V.readInstant))
        case .fulfilmentModeSet: return .fulfilmentModeSet(try V.readRaw(&r, FulfilmentMode.self))
        case .promotionAdded: return .promotionAdded(try readPromotion(&r))
        case .promotionEnded:
            let code = try r.string()
            return .promotionEnded(code: code, at: try V.readInstant(&r))
        case .stockSet:
            let sku = try r.string()
            return .stockSet(sku: sku, onHand: try r.int())
        case .priceSet:
            let sku = try r.string()
            return .priceSet(sku: sku, price: try V.readMoney(&r))
        case .listingChanged:
            let sku = try r.string()
            return .listingChanged(sku: sku, listed: try r.bool())
        case .marketingConsent:
            let id = AccountID(try r.string())
            let given = try r.bool()
            return .marketingConsent(id, given: given, at: try V.readInstant(&r))
        case .audited: return .audited(try readAudit(&r))
        }
    }

    // MARK: Values

    static func write(_ member: StaffMember, to w: BinaryWriter) {
        w.string(member.email); w.string(member.name); w.string(member.role.rawValue)
        w.string(member.passwordHash.encoded); V.write(member.addedAt, to: w)
        w.int(member.failedLoginCount); w.int(member.lockoutCount); w.optional(member.lockedUntil) { V.write($1, to: $0) }
    }

    static func readStaff(_ r: inout Reader) throws(DecodingFailure) -> StaffMember {
        let email = try r.string(), name = try r.string()
        let role = try V.readRaw(&r, StaffRole.self)
        let hash = PasswordHash(encoded: try r.string())
        let addedAt = try V.readInstant(&r)
        let failed = try r.int(), lockouts = try r.int()
        return StaffMember(email: email, name: name, role: role, passwordHash: hash, addedAt: addedAt,
                           failedLoginCount: failed, lockoutCount: lockouts, lockedUntil: try r.optional(V.readInstant))
    }

    /// A code: its text, 0 and basis points or 1 and minor units off, the minimum, the last day,
    /// once per customer, and when it ended.
    static func write(_ code: PromoCode, to w: BinaryWriter) {
        w.string(code.code)
        switch code.benefit {
        case let .percent(basisPoints): w.byte(0); w.int(basisPoints)
        case let .fixed(minorUnits): w.byte(1); w.int(minorUnits)
        }
        w.int(code.minimumBasket); V.write(code.lastDay, to: w); w.bool(code.oncePerCustomer)
        w.optional(code.endedAt) { V.write($1, to: $0) }
    }

    static func readPromotion(_ r: inout Reader) throws(DecodingFailure) -> PromoCode {
        let code = try r.string()
        let start = r.absolutePosition
        let benefit: PromoCode.Benefit
        switch try r.byte() {
        case 0: benefit = .percent(basisPoints: try r.int64())
        case 1: benefit = .fixed(minorUnits: try r.int64())
        case let kind: throw DecodingFailure(offset: start, reason: "unknown kind of promotion benefit \(kind)")
        }
        let minimum = try r.int64()
        let lastDay = try V.readDay(&r)
        let once = try r.bool()
        let ended = try r.optional(V.readInstant)
        return PromoCode(code: code, benefit: benefit, minimumBasket: minimum, lastDay: lastDay, oncePerCustomer: once, endedAt: ended)
    }

    static func write(_ entry: AuditEntry, to w: BinaryWriter) {
        V.write(entry.at, to: w); w.string(entry.staff); w.string(entry.action)
    }

    static func readAudit(_ r: inout Reader) throws(DecodingFailure) -> AuditEntry {
        let at = try V.readInstant(&r)
        let staff = try r.string()
        return AuditEntry(at: at, staff: staff, action: try r.string())
    }

    // MARK: The back office in snapshots

    static func write(_ office: BackOffice, to w: BinaryWriter) {
        w.array(office.staff) { write($1, to: $0) }
        w.array(office.audit) { write($1, to: $0) }
        w.string(office.fulfilment.rawValue)
        w.array(office.promotions) { write($1, to: $0) }
        w.array(office.unlisted.sorted()) { $0.string($1) }
        let notices = office.priceNotices.sorted { String(describing: $0.key) < String(describing: $1.key) }
        w.array(notices) { w, entry in
            EventCodec.write(entry.key, to: w)
            w.array(entry.value.sorted { $0.key < $1.key }) { w, line in
                w.string(line.key)
                V.write(line.value, to: w)
            }
        }
        w.array(office.marketingConsent.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key.rawValue)
            V.write(entry.value, to: w)
        }
    }

    static func readBackOffice(_ r: inout Reader) throws(DecodingFailure) -> BackOffice {
        let staff = try r.array(minimumItemSize: 5, readStaff)
        let audit = try r.array(minimumItemSize: 3, readAudit)
        let fulfilment = try V.readRaw(&r, FulfilmentMode.self)
        let promotions = try r.array(minimumItemSize: 6, readPromotion)
        let unlisted = try r.array { (r: inout Reader) throws(DecodingFailure) in try r.string() }
        let notices = try r.array(minimumItemSize: 3) { (r: inout Reader) throws(DecodingFailure) in
            let owner = try EventCodec.readShopper(from: &r)
            let lines = try r.array(minimumItemSize: 4) { (r: inout Reader) throws(DecodingFailure) in
                let sku = try r.string()
                return (sku, try V.readMoney(&r))
            }
            return (owner, Dictionary(lines, uniquingKeysWith: { _, last in last }))
        }
        let consent = try r.array(minimumItemSize: 2) { (r: inout Reader) throws(DecodingFailure) in
            let id = AccountID(try r.string())
            return (id, try V.readInstant(&r))
        }
        return BackOffice(
            staff: staff, audit: audit, fulfilment: fulfilment, promotions: promotions, unlisted: Set(unlisted),
            priceNotices: Dictionary(notices, uniquingKeysWith: { _, last in last }),
            marketingConsent: Dictionary(consent, uniquingKeysWith: { _, last in last }))
    }
}
