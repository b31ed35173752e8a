/// Plays a demo script: says which key to press when, and checks each step's condition on the
/// state with its timeout. Pure: the caller gives the time (seconds of demo time, which stands
/// still while paused) and the state, and carries out the keys.
public struct DemoPlayer: Sendable {
    public enum Action: Hashable, Sendable {
        /// Send this key to the shop now.
        case press(Key)
        /// Nothing to do yet: call again a little later.
        case wait
        /// Every step reached its goal.
        case finished
        /// A step did not reach its goal in time, or could not be planned; one line.
        case failed(String)
    }

    private enum Phase: Sendable {
        case starting
        case pressing([DemoKey], nextAt: Double)
        case waiting(since: Double)
        case dwelling(until: Double)
        case done
        case stopped(String)
    }

    public let script: DemoScript
    public let pace: DemoPace
    public private(set) var stepIndex = 0
    private var phase = Phase.starting

    public init(script: DemoScript, pace: DemoPace) {
        self.script = script
        self.pace = pace
    }

    /// "Step 4 of 9: paying with a 3-D Secure card", or the end.
    public var caption: String {
        switch phase {
        case .done: return script.finale
        case let .stopped(reason): return reason
        default:
            let chapter = script.steps[min(stepIndex, script.steps.count - 1)].chapter
            return "Step \(chapter) of \(script.chapters.count): \(script.chapters[chapter - 1])"
        }
    }

    public var isFinished: Bool {
        if case .done = phase { return true }
        return false
    }

    /// The next thing to do at `time`, given the state as the shop shows it now.
    public mutating func next(_ state: AppState, at time: Double) -> Action {
        while true {
            guard stepIndex < script.steps.count else {
                phase = .done
                return .finished
            }
            let step = script.steps[stepIndex]
            switch phase {
            case .done:
                return .finished
            case let .stopped(reason):
                return .failed(reason)
            case .starting:
                switch step.plan(state) {
                case let .keys(keys):
                    phase = .pressing(keys, nextAt: time)
                case let .impossible(reason):
                    return stop("\(reason)")
                }
            case let .pressing(keys, nextAt):
                guard let first = keys.first else {
                    phase = .waiting(since: time)
                    continue
                }
                guard time >= nextAt else { return .wait }
                phase = .pressing(Array(keys.dropFirst()), nextAt: time + (first.isTyped ? pace.typingDelay : pace.keyDelay))
                return .press(first.key)
            case let .waiting(since):
                if step.until(state) {
                    phase = .dwelling(until: time + pace.dwell * step.dwell)
                    continue
                }
                guard time - since <= step.timeout else {
                    return stop("did not reach \(step.goal) within \(Self.seconds(step.timeout))")
                }
                return .wait
            case let .dwelling(until):
                guard time >= until else { return .wait }
                stepIndex += 1
                phase = .starting
            }
        }
    }

    private mutating func stop(_ reason: String) -> Action {
        let step = script.steps[stepIndex]
        let line = "Demo stopped at step \(step.chapter) of \(script.chapters.count) (\(script.chapters[step.chapter - 1])): \(reason)"
        phase = .stopped(line)
        return .failed(line)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
