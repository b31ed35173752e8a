import ShopCore

/// The message being written to support about an order (the checkout's Forms widget), and how
/// far the thread is scrolled back from its end. A new conversation first asks what it is about:
/// the customer picks one of the domain's topics (↑↓ j k, Enter), then writes; Tab goes back to
/// the topics. A reply to the order's open ticket asks no topic.
public struct SupportDraft: Hashable, Sendable {
    public static let fieldID = "message"
    public static let fieldLabel = "Your message"
    public static let topicID = "topic"
    public static let topicLabel = "What is it about?"
    public static let pickFirst = "Pick what it is about first: ↑↓ to choose, Enter to write your message"

    public var form: Form
    /// Lines of the thread scrolled back from its end.
    public var scrollBack = 0
    /// Whether this message opens a conversation, so a topic goes with it.
    public let asksTopic: Bool

    public init(text: String = "", asksTopic: Bool = false) {
        self.asksTopic = asksTopic
        let topics = SupportTopic.allCases.map { ChoiceOption($0.label, detail: $0.answeredBy) }
        form = Form([
            .choice(Self.topicID, Self.topicLabel, topics),
            .text(Self.fieldID, Self.fieldLabel, text, maxLength: 1_000),
        ])
        form.setHidden(Self.topicID, true)
        if asksTopic { showTopics() }
    }

    public var text: String { form.text(Self.fieldID) }

    /// The topic picked; nil for a reply.
    public var topic: SupportTopic? {
        asksTopic ? SupportTopic.allCases[min(form.selected(Self.topicID), SupportTopic.allCases.count - 1)] : nil
    }

    /// Whether the topics are on screen, waiting for Enter.
    public var isPickingTopic: Bool { form.item(Self.topicID)?.isHidden == false }

    /// Takes the highlighted topic and moves to the message, the topic shown under it.
    mutating func pickTopic() {
        guard let topic else { return }
        form.setError(Self.topicID, nil)
        form.setHidden(Self.topicID, true)
        form.setHidden(Self.fieldID, false)
        form.setHint(Self.fieldID, "About: \(topic.label), \(topic.answeredBy) (Tab changes it)")
        form.focus(on: Self.fieldID)
    }

    /// Back to the list of topics; what was typed is kept.
    mutating func showTopics() {
        form.setHidden(Self.topicID, false)
        form.setHidden(Self.fieldID, true)
        form.focus(on: Self.topicID)
    }

    /// Why the message was not sent, under the field (under the topics while they are picked).
    public var problem: String? {
        get { form.item(isPickingTopic ? Self.topicID : Self.fieldID)?.error }
        set { form.setError(isPickingTopic ? Self.topicID : Self.fieldID, newValue) }
    }
}
