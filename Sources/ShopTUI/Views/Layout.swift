/// Where everything goes for a screen size, after DESIGN.md §5: 120 columns and more show filters,
/// catalogue and a side column; from 80 the catalogue and one side pane; below 80 one pane with a
/// tab bar; below 40×12 only a "terminal too small" message.
public struct Layout: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case tooSmall
        case single
        case double
        case triple
    }

    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// Rows of the cart pane below its lines: rule, subtotal, VAT, total, shipping hint.
    public static let cartSummaryRows = 5

    public let mode: Mode
    public let width: Int
    public let height: Int
    public let header: Rect
    public let tabBar: Rect?
    public let status: Rect
    public let footer: Rect
    public let panes: [PaneID: Rect]

    public init(width: Int, height: Int, focus: PaneID, sidePane: PaneID) {
        self.width = width
        self.height = height
        header = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 2, width: width, height: 1)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            mode = .tooSmall
            tabBar = nil
            panes = [:]
            return
        }
        var body = Rect(x: 0, y: 1, width: width, height: height - 3)
        var panes: [PaneID: Rect] = [:]
        if width >= 120 {
            mode = .triple
            tabBar = nil
            let filtersWidth = width >= 160 ? 34 : 28
            let sideWidth = width >= 160 ? 48 : 38
            let (filters, rest) = body.splitLeft(filtersWidth)
            let (catalogue, side) = rest.splitLeft(rest.width - sideWidth)
            panes[.filters] = filters
            panes[.catalogue] = catalogue
            if side.height >= 33 {
                let (cart, lower) = side.splitTop(side.height - 2 * (side.height / 3))
                let (orders, messages) = lower.splitTop(lower.height / 2)
                panes[.cart] = cart
                panes[.orders] = orders
                panes[.messages] = messages
            } else {
                let (cart, lower) = side.splitTop(side.height - side.height / 3)
                panes[.cart] = cart
                panes[focus == .messages ? .messages : .orders] = lower
            }
        } else if width >= 80 {
            mode = .double
            tabBar = nil
            let sideWidth = width >= 100 ? 40 : 30
            let (catalogue, side) = body.splitLeft(width - sideWidth)
            panes[.catalogue] = catalogue
            panes[focus == .catalogue ? sidePane : focus] = side
        } else {
            mode = .single
            let (tabs, rest) = body.splitTop(1)
            tabBar = tabs
            body = rest
            panes[focus] = body
        }
        self.panes = panes
    }

    public func rect(of pane: PaneID) -> Rect? { panes[pane] }

    /// Rows of list a pane shows; a pane off screen counts as if it had the body's height, so
    /// its selection survives until it is shown again.
    public func listRows(_ pane: PaneID) -> Int {
        let inner = (panes[pane] ?? Rect(x: 0, y: 1, width: width, height: max(3, height - 3))).inner
        switch pane {
        case .catalogue: return max(1, inner.height - 1)
        case .cart: return max(1, inner.height - Self.cartSummaryRows)
        default: return max(1, inner.height)
        }
    }

    /// The pane under a screen cell.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }

    /// The first screen row of a pane's list.
    public func firstListRow(_ pane: PaneID) -> Int? {
        guard let rect = panes[pane] else { return nil }
        return rect.y + 1 + (pane == .catalogue ? 1 : 0)
    }
}
