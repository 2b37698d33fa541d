import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads TBX: TBX-Basic `<martif>` (ISO 30042:2008) and TBX v3 `<tbx>` (`conceptEntry`,
/// `langSec`, `termSec`) — the elements that carry concepts, languages, terms, part of
/// speech, status, notes, subject fields, sources and dates.
///
/// XML is hostile input: external entities are never resolved (a term left empty by an
/// entity that was not expanded is an error), and libxml2 refuses entity-expansion bombs.
public enum TBXReader {
  public static func entries(_ data: Data, file: String) throws(GlossaryFormatError) -> [TermEntry] {
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    let handler = Handler(file: file)
    parser.delegate = handler
    // On Linux `parse()` returns true even after an error: the delegate and `parserError`
    // say what went wrong, and a document cut short reports nothing at all.
    _ = parser.parse()
    if let failure = handler.failure {
      throw failure
    }
    if let malformation = handler.malformation(parser) {
      throw .notWellFormed(
        file: file, line: malformation.line, column: malformation.column, reason: malformation.reason)
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
    private var text = ""
    /// The `type` of the open `termNote`, `descrip`, `admin` or `transac`.
    private var kind: String?
    private var transaction: String?
    private var inTerm = false

    init(file: String) {
      self.file = file
    }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
      text = ""
      switch name {
      case "martif", "tbx":
        sawRoot = true
      case "termEntry", "conceptEntry":
        entry = TermEntry(terms: [])
      case "langSet", "langSec":
        language = (attributes["xml:lang"] ?? attributes["lang"]).map(LanguageTag.init)
      case "tig", "ntig", "termSec":
        guard let language else {
          fail(parser, "a term outside a langSet with xml:lang")
          return
        }
        term = Term("", language: language)
        termLine = parser.lineNumber
      case "term":
        inTerm = true
      case "termNote", "descrip", "admin", "transac":
        kind = attributes["type"]
      default:
        break
      }
    }

    override func characters(_ string: String) {
      text += string
    }

    override func end(_ parser: XMLParser, _ name: String) {
      let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
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
          fail(parser, "empty term (an entity that was not expanded?)", line: termLine)
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
      text = ""
    }

    private func fail(_ parser: XMLParser, _ reason: String, line: Int? = nil) {
      failure = .badValue(file: file, line: line ?? parser.lineNumber, value: reason)
      parser.abortParsing()
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
