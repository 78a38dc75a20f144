import StaircaseAge
import StaircaseCore

/// The `age1…` recipients an export is encrypted to (`staircase export … --to age1…`), so a
/// summary can leave the machine readable only by the people it is for.
public struct ExportRecipients: Sendable {
    let recipients: [X25519Recipient]

    /// A recipient that is not an X25519 `age1…` public key (named, cleaned, at most 80 characters).
    public struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        public var recipient: String
        /// A secret key was given: it is not repeated (it may reach a terminal log).
        public var secret = false
        public var description: String {
            if secret { return "--to: " + X25519Recipient.secretKeyAdvice }
            return "--to \(recipient): not an age recipient — give an X25519 public key as `age-keygen -y` prints it (age1…, 62 characters)"
        }
    }

    /// Parses each `age1…`; a recipient given twice is used once. The first bad one is refused.
    public init(_ texts: [String]) throws(Invalid) {
        var all: [X25519Recipient] = []
        for text in texts {
            if X25519Recipient.looksLikeSecretKey(text) { throw Invalid(recipient: "", secret: true) }
            do {
                let r = try X25519Recipient(text.trimmingCharacters(in: " \t"))
                if !all.contains(r) { all.append(r) }
            } catch {
                throw Invalid(recipient: String(SafeText.clean(text).prefix(80)))
            }
        }
        recipients = all
    }

    public var isEmpty: Bool { recipients.isEmpty }

    /// `text` as a binary age v1 file that any of the recipients can open. Encryption in memory:
    /// the plain text is never written anywhere.
    public func seal(_ text: String) throws(SummaryWriteError) -> [UInt8] {
        do {
            return try AgeFile.encrypt(Array(text.utf8), to: recipients)
        } catch {
            throw .cannotEncrypt(reason: error.description)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        return String(self.drop(while: drop).reversed().drop(while: drop).reversed())
    }
}
