/// One key of the demo: typed characters go at typing speed, other keys at the slower key pace.
public struct DemoKey: Hashable, Sendable {
    public var key: Key
    public var isTyped: Bool

    public init(_ key: Key, isTyped: Bool = false) {
        self.key = key
        self.isTyped = isTyped
    }

    /// The characters of `text`, typed one at a time.
    public static func typing(_ text: String) -> [DemoKey] {
        text.map { DemoKey(.character($0), isTyped: true) }
    }

    public static func press(_ keys: Key...) -> [DemoKey] {
        keys.map { DemoKey($0) }
    }
}

/// The keys a step will press, decided from the state when the step starts; or why the step
/// cannot go on (the brand it looks for is not listed, no 3-D Secure code arrived...).
public enum DemoPlan: Hashable, Sendable {
    case keys([DemoKey])
    case impossible(String)
}

/// One step of the scripted journey: keys to press, then a condition on the interface state that
/// must hold within `timeout` seconds of demo time (paused time does not count).
public struct DemoStep: Sendable {
    /// Which of the journey's chapters (1-based) the step belongs to; the caption comes from it.
    public var chapter: Int
    /// What the step waits for, in words: it names the step when it fails.
    public var goal: String
    public var plan: @Sendable (AppState) -> DemoPlan
    public var until: @Sendable (AppState) -> Bool
    /// Seconds of demo time the condition may take after the last key.
    public var timeout: Double
    /// How many dwells the outcome stays on screen before the next step (0 for in-between steps).
    public var dwell: Double

    public init(
        chapter: Int, goal: String, timeout: Double = 10, dwell: Double = 0,
        plan: @escaping @Sendable (AppState) -> DemoPlan, until: @escaping @Sendable (AppState) -> Bool
    ) {
        self.chapter = chapter
        self.goal = goal
        self.plan = plan
        self.until = until
        self.timeout = timeout
        self.dwell = dwell
    }

    /// A step with keys known in advance.
    public init(
        chapter: Int, goal: String, keys: [DemoKey], timeout: Double = 10, dwell: Double = 0,
        until: @escaping @Sendable (AppState) -> Bool
    ) {
        self.init(chapter: chapter, goal: goal, timeout: timeout, dwell: dwell, plan: { _ in .keys(keys) }, until: until)
    }
}
