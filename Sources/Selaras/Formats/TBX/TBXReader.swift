import Foundation

/// Reads TBX: TBX-Basic `<martif>` (ISO 30042:2008) and TBX v3 `<tbx>` (`conceptEntry`,
/// `langSec`, `termSec`) — the elements that carry concepts, languages, terms, part of
/// speech, status, notes, subject fields, sources and dates.
///
/// XML is hostile input: external entities are never resolved (a term left empty by an
/// entity that was not expanded is an error), and libxml2 refuses entity-expansion bombs.
public struct TBXReader: GlossaryReader {
  public init() {}

  public func read(_ text: String, file: String) throws -> GlossaryFile {
    GlossaryFile(entries: try Self.entries(Data(text.utf8), file: file))
  }

  public static func entries(_ data: Data, file: String) throws(GlossaryFormatError) -> [TermEntry] {
    let handler = Handler(file: file)
    let failure = handler.parse(.data(data))
    if let failure = handler.failure {
      throw failure
    }
    if case .malformed(let line, let column, let reason) = failure {
      throw .notWellFormed(file: file, line: line, column: column, reason: reason)
    }
    guard handler.sawRoot else {
      throw .notText(file: file, reason: "no <martif> or <tbx> root element: not TBX")
    }
    return handler.entries
  }

  private final class Handler: XMLDocumentHandler {
    let file: String
    var entries: [TermEntry] = []
    var failure: GlossaryFormatError?
    var sawRoot = false

    private var entry: TermEntry?
    private var language: LanguageTag?
    private var term: Term?
    private var termLine = 0
    private var text: [UInt8] = []
    /// The `type` of the open `termNote`, `descrip`, `admin` or `transac`.
    private var kind: String?
    private var transaction: String?
    private var inTerm = false

    init(file: String) {
      self.file = file
    }

    override func start(_ element: XMLElement, _ attributes: XMLAttributes) {
      text.removeAll(keepingCapacity: true)
      switch element.name {
      case "martif", "tbx":
        sawRoot = true
      case "termEntry", "conceptEntry":
        entry = TermEntry(terms: [])
      case "langSet", "langSec":
        language = (attributes["xml:lang"] ?? attributes["lang"]).map(LanguageTag.init)
      case "tig", "ntig", "termSec":
        guard let language else {
          fail("a term outside a langSet with xml:lang")
          return
        }
        term = Term("", language: language)
        termLine = line
      case "term":
        inTerm = true
      case "termNote", "descrip", "admin", "transac":
        kind = attributes["type"]
      default:
        break
      }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
      self.text.append(contentsOf: text)
    }

    override func end(_ element: XMLElement) {
      let name = element.name
      let value = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      switch name {
      case "term":
        inTerm = false
        term?.text = value
      case "termNote" where kind == "partOfSpeech":
        term?.partOfSpeech = value
      case "termNote" where kind == "administrativeStatus" || kind == "normativeAuthorization":
        term?.status = Self.status(value)
      case "descrip" where kind == "subjectField":
        if term != nil { term?.domain = value } else { entry?.domain = value }
      case "note", "descrip":
        if term != nil { term?.note = value } else if entry != nil { entry?.note = value }
      case "admin" where kind == "source":
        term?.source = value
      case "transac":
        transaction = value
      case "date":
        // A full timestamp, or a date alone (`2024-11-19`), as other tools write.
        let date =
          (try? Date(value, strategy: .iso8601))
          ?? (try? Date(value, strategy: Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)))
        if transaction == "modification" { term?.modified = date } else { term?.created = date }
      case "tig", "ntig", "termSec":
        guard let finished = term else { return }
        guard !finished.text.isEmpty else {
          fail("empty term", line: termLine)
          return
        }
        entry?.terms.append(finished)
        term = nil
      case "langSet", "langSec":
        language = nil
      case "termEntry", "conceptEntry":
        if let finished = entry, !finished.terms.isEmpty { entries.append(finished) }
        entry = nil
      default:
        break
      }
      kind = name == "termNote" || name == "descrip" || name == "admin" || name == "transac" ? nil : kind
      text.removeAll(keepingCapacity: true)
    }

    private func fail(_ reason: String, line: Int? = nil) {
      failure = .badValue(file: file, line: line ?? self.line, value: reason)
      stop()
    }

    static func status(_ value: String) -> Term.Status {
      switch value {
      case "admittedTerm-admn-sts", "admitted", "admittedTerm": return .admitted
      case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "deprecated", "deprecatedTerm", "forbidden":
        return .forbidden
      default: return .preferred
      }
    }
  }
}
