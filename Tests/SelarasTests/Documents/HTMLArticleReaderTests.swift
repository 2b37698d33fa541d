import Foundation
import Selaras
import Testing

@Suite("HTMLArticleReader")
struct HTMLArticleReaderTests {
  static let pages = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("pages")

  static var pageNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).filter { $0.hasSuffix(".html") }
      .map { String($0.dropLast(".html".count)) }.sorted()
  }

  struct Expected: Decodable {
    var title: String
    var language: String
    var paragraphs: [Paragraph]

    struct Paragraph: Decodable, Equatable {
      var kind: String
      var text: String
    }
  }

  static func read(_ name: String) throws -> (ArticleDocument, Expected) {
    let page = try Data(contentsOf: pages.appendingPathComponent("\(name).html"))
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: pages.appendingPathComponent("\(name).expected.json")))
    return (try HTMLArticleReader().read(page, charset: nil), expected)
  }

  @Test(
    "Each site style's page gives its title, language and every block of the article with its kind, in order, and no chrome"
  )
  func ownPages() throws {
    #expect(Self.pageNames.count >= 18)
    for name in Self.pageNames {
      let (document, expected) = try Self.read(name)
      #expect(document.title == expected.title, "\(name)")
      #expect(document.language == expected.language, "\(name)")
      let got = document.paragraphs.map { Expected.Paragraph(kind: $0.kind.rawValue, text: $0.text) }
      #expect(got == expected.paragraphs, "\(name)")
    }
  }

  @Test("A windows-1252 page reads its curly quotes; the BOM and a http-equiv charset are honoured")
  func charsets() throws {
    let (court, _) = try Self.read("courts-syl-verdict.en")
    #expect(court.paragraphs.contains { $0.text.contains("\u{201C}") || $0.text.contains("\u{2019}") })
    let latin = Data(
      "<html><head><meta charset=\"iso-8859-1\"><title>T</title></head><body><article><h1>Caf\u{E9}</h1><p>Le caf\u{E9} est tr\u{E8}s bon, dit-il, et la cr\u{E8}me aussi.</p></article></body></html>"
        .unicodeScalars.map { UInt8($0.value) })
    let document = try HTMLArticleReader().read(latin, charset: nil)
    #expect(document.title == "Café")
    #expect(document.paragraphs.first?.text == "Le café est très bon, dit-il, et la crème aussi.")
    // The HTTP header's charset wins over the page's own.
    let header = try HTMLArticleReader().read(latin, charset: "windows-1252")
    #expect(header.title == "Café")
  }

  @Test("Bad pages are refused with the reason: empty, binary, PDF, too deep, too large, unknown charset, no article")
  func badPages() {
    let reader = HTMLArticleReader()
    #expect(throws: DocumentError.empty) { try reader.read(Data("  \n".utf8), charset: nil) }
    #expect(throws: DocumentError.binary) { try reader.read(Data([0x3C, 0x68, 0, 0, 1, 2]), charset: nil) }
    #expect(throws: DocumentError.binary) { try reader.read(Data("%PDF-1.7\n".utf8), charset: nil) }
    let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "text" + "</body></html>"
    #expect(throws: DocumentError.tooDeep(limit: 512)) { try reader.read(Data(deep.utf8), charset: nil) }
    let large = Data(count: HTMLArticleReader.maximumBytes + 1)
    #expect(throws: DocumentError.tooLarge(bytes: large.count, limit: HTMLArticleReader.maximumBytes)) {
      try reader.read(large, charset: nil)
    }
    let klingon = Data("<html><head><meta charset=\"x-klingon\"></head><body><p>Qapla'</p></body></html>".utf8)
    #expect(throws: DocumentError.unknownCharset("x-klingon")) { try reader.read(klingon, charset: nil) }
    let chromeOnly = Data(
      "<html><body><nav><a href=/>Home</a><a href=/news>News</a></nav><footer>© 2025 Example</footer></body></html>"
        .utf8)
    #expect(throws: DocumentError.noArticle) { try reader.read(chromeOnly, charset: nil) }
    let badUTF8 =
      Data("<html><head><meta charset=utf-8></head><body><p>caf".utf8) + Data([0xE9]) + Data("</p></body></html>".utf8)
    #expect(throws: DocumentError.invalidEncoding(charset: "UTF-8", offset: 51)) {
      try reader.read(badUTF8, charset: nil)
    }
  }

  @Test("Broken markup (unclosed paragraphs, upper-case tags) still gives the article's paragraphs")
  func brokenMarkup() throws {
    let page = """
      <HTML><BODY><DIV CLASS=nav><A HREF=/>Home</A> | <A HREF=/x>World</A></DIV>
      <DIV ID=story><H1>Floods hit Jakarta</H1>
      <P>Heavy rain flooded parts of Jakarta on Monday, officials said, forcing hundreds of residents to leave their homes.
      <P>The city's disaster agency said water reached 1.5 metres in some areas, and that pumps were running.
      <P>Baca juga: Banjir Rendam Jakarta Timur
      <P>More rain is expected this week, the weather agency said. (dal/dal)
      </DIV><DIV CLASS=footer>Copyright 2025</DIV></BODY></HTML>
      """
    let document = try HTMLArticleReader().read(Data(page.utf8), charset: nil)
    #expect(document.title == "Floods hit Jakarta")
    #expect(
      document.paragraphs.map(\.text) == [
        "Heavy rain flooded parts of Jakarta on Monday, officials said, forcing hundreds of residents to leave their homes.",
        "The city's disaster agency said water reached 1.5 metres in some areas, and that pumps were running.",
        "More rain is expected this week, the weather agency said.",
      ])
    #expect(document.text.hasPrefix("Floods hit Jakarta\n\nHeavy rain"))
  }

  @Test("Content decides the format: a page saved as .txt is HTML, a text file named .html with no markup is text")
  func detection() {
    #expect(DocumentFormat.detect(Data("\u{FEFF}<!DOCTYPE html><html>".utf8), name: "story.txt") == .html)
    #expect(DocumentFormat.detect(Data("  <html lang=id>".utf8)) == .html)
    #expect(DocumentFormat.detect(Data("BI Tahan Suku Bunga\n\nBisnis.com, JAKARTA".utf8), name: "x.html") == .text)
    #expect(DocumentFormat.detect(Data("<p>Only a fragment</p>".utf8), name: "x.htm") == .html)
    #expect(DocumentFormat.detect(Data("<p>Only a fragment</p>".utf8), name: "x.txt") == .text)
  }

  @Test(
    "Components named in data attributes are chrome as classes are; a photo's credit outside its caption is a credit")
  func componentsAndFigures() throws {
    let page = """
      <html lang="en"><body><main><article>
      <h1>Flights resume after the eruption</h1>
      <div data-component="byline-block"><time>2 hours ago</time><span>Transport reporter</span></div>
      <figure><div data-component="image-block"><img src="a.jpg"><span role="text">Getty Images</span></div>
      <figcaption>Passengers wait at the airport in Denpasar.</figcaption></figure>
      <div data-component="text-block"><p>Airlines resumed flights to Bali on Wednesday, a day after ash from the volcano closed the airport.</p></div>
      <div data-component="links-block"><div>More on this story</div><ul><li><a href="/a">Ash cloud grounds flights</a></li></ul></div>
      <div data-component="text-block"><p>The airport operator said 48 flights had been cancelled, affecting about 8,000 passengers.</p></div>
      </article></main></body></html>
      """
    let document = try HTMLArticleReader().read(Data(page.utf8), charset: nil)
    #expect(document.paragraphs.map(\.kind) == [.credit, .caption, .paragraph, .paragraph])
    #expect(
      document.paragraphs.map(\.text) == [
        "Getty Images", "Passengers wait at the airport in Denpasar.",
        "Airlines resumed flights to Bali on Wednesday, a day after ash from the volcano closed the airport.",
        "The airport operator said 48 flights had been cancelled, affecting about 8,000 passengers.",
      ])
    #expect(document.language == "en")
  }

  @Test(
    "Hostile pages: a tag of 200,000 attributes, UTF-7 and EBCDIC refused; UTF-16 found behind its BOM or a screenful of blank lines; a 2 MB JSON-LD skipped"
  )
  func hostile() throws {
    let reader = HTMLArticleReader()
    let article =
      "<article><h1>Floods</h1><p>Heavy rain flooded parts of Jakarta on Monday, officials said on Tuesday.</p></article>"
    let attributes = "<html><body><div " + (0..<200_000).map { "a\($0)=v" }.joined(separator: " ") + ">" + article
    #expect(throws: DocumentError.tooManyAttributes(limit: HTMLArticleReader.maximumAttributes)) {
      try reader.read(Data(attributes.utf8), charset: nil)
    }
    // A script's "a<b" opens no tag, however many words follow before a ">".
    let script = "<html><head><script>if (a<b" + String(repeating: " && c", count: 5_000) + ") {}</script></head><body>" + article
    #expect(try reader.read(Data(script.utf8), charset: nil).title == "Floods")
    for charset in ["utf-7", "ebcdic-cp-us", "cp037"] {
      let page = "<html><head><meta charset=\"\(charset)\"></head><body>\(article)</body></html>"
      #expect(throws: DocumentError.unknownCharset(charset)) { try reader.read(Data(page.utf8), charset: nil) }
    }
    // A page cannot declare UTF-32 in its own ASCII bytes: read as UTF-8.
    let utf32 = try reader.read(
      Data("<html><head><meta charset=\"utf-32\"></head><body>\(article)</body></html>".utf8), charset: nil)
    #expect(utf32.title == "Floods")
    let page = "<!DOCTYPE html><html><body>\(article)</body></html>"
    var utf16 = Data([0xFF, 0xFE])
    for unit in page.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    #expect(DocumentFormat.detect(utf16, name: "story.html") == .html)
    #expect(try reader.read(utf16, charset: nil).title == "Floods")
    let blank = Data((String(repeating: "\n", count: 1000) + page).utf8)
    #expect(DocumentFormat.detect(blank) == .html)
    let bigJSON =
      "<html><head><script type=\"application/ld+json\">["
      + Array(repeating: #"{"a":{}}"#, count: 250_000).joined(separator: ",")
      + "]</script></head><body>\(article)</body></html>"
    #expect(try reader.read(Data(bigJSON.utf8), charset: nil).paragraphs.count == 1)
  }
}
