/// The message being written to support about an order: a one-field form (the checkout's
/// Forms widget), and how far the thread is scrolled back from its end.
public struct SupportDraft: Hashable, Sendable {
    public static let fieldID = "message"
    public static let fieldLabel = "Your message"

    public var form: Form
    /// Lines of the thread scrolled back from its end.
    public var scrollBack = 0

    public init(text: String = "") {
        form = Form([.text(Self.fieldID, Self.fieldLabel, text, maxLength: 1_000)])
    }

    public var text: String { form.text(Self.fieldID) }

    /// Why the message was not sent, under the field.
    public var problem: String? {
        get { form.item(Self.fieldID)?.error }
        set { form.setError(Self.fieldID, newValue) }
    }
}
