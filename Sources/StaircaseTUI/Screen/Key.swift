/// A key press, decoded by the backend from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    /// Alt-← and Alt-→ (curses reports them as kLFT3 and kRIT3): a word back or forward.
    case altLeft, altRight
    case enter, tab, backTab, escape, backspace, delete
    case ctrl(Character)
    case resize(width: Int, height: Int)
}
