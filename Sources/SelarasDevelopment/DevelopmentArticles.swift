import Selaras

/// An article pair of the development set: raw texts as a news page lays them out, the
/// gold segmentation, and the gold beads.
public struct DevelopmentArticle: Sendable {
  public var name: String
  /// The English page, paragraphs separated by blank lines.
  public var sourceText: String
  /// The Indonesian page.
  public var targetText: String
  /// The gold sentences, in order.
  public var sourceLines: [String]
  public var targetLines: [String]
  /// Where each gold sentence is in the raw text, as UTF-8 byte offsets.
  public var sourceRanges: [Range<Int>]
  public var targetRanges: [Range<Int>]
  /// Every gold sentence of both sides in exactly one bead, in order; null beads hold one
  /// sentence.
  public var gold: [Bead]
}

/// Builds article pairs from translated sentences with the edits translators and news sites
/// make: merges and splits on either side (1-2, 2-1, 2-2, 1-3), dropped and added sentences,
/// headlines (sometimes rewritten), datelines, photo captions with their credits (sometimes
/// repeated on the Indonesian page, sometimes the Indonesian site's own photo), and site
/// chrome between paragraphs and after the article.
///
/// Deterministic: the same documents and half give the same articles, byte for byte.
public struct DevelopmentArticles: Sendable {
  /// Sentence pairs an article holds at least (whole documents are added until it does).
  public var minimumPairs = 8

  public init() {}

  /// The articles of one half of `corpus`. Each `edition` groups and edits the same
  /// documents anew: the fit uses several, so that the weights follow the kinds of edit
  /// rather than the few instances one edition holds; edition 0 is the one measured.
  ///
  /// With `fold` (`k` of `n`), only every `n`th document of the half, from the `k`th, is used:
  /// the fit calibrates on articles of one fold aligned with weights fitted on the others.
  public func articles(
    from corpus: ParallelDocuments, half: ParallelDocuments.Half, edition: Int = 0, fold: (k: Int, n: Int)? = nil
  ) -> [DevelopmentArticle] {
    var tag = edition == 0 ? half.rawValue : "\(half.rawValue)-e\(edition)"
    var documents = corpus.half(half)
    if let fold {
      tag += "-f\(fold.k)of\(fold.n)"
      documents = documents.enumerated().filter { $0.offset % fold.n == fold.k }.map(\.element)
    }
    var random = SeededGenerator(seed: "articles-\(tag)")
    documents.shuffle(using: &random)
    var groups: [[ParallelDocuments.Document]] = [[]]
    for document in documents {
      groups[groups.count - 1].append(document)
      if groups[groups.count - 1].reduce(0, { $0 + $1.pairs.count }) >= minimumPairs {
        groups.append([])
      }
    }
    if groups.count > 1 && groups[groups.count - 1].reduce(0, { $0 + $1.pairs.count }) < minimumPairs / 2 {
      let last = groups.removeLast()
      groups[groups.count - 1] += last
    }
    let allPairs = documents.flatMap(\.pairs)
    var lowercaseWords: Set<String> = []
    for pair in allPairs {
      for word in pair.english.split(separator: " ") + pair.indonesian.split(separator: " ")
      where word.first?.isLowercase == true {
        lowercaseWords.insert(String(word))
      }
    }
    let chrome = PageChrome.forHalf(half)
    return groups.enumerated().filter { !$0.element.isEmpty }.map { number, group in
      var builder = ArticleBuilder(
        random: SeededGenerator(seed: "\(tag)-\(number)"), chrome: chrome, lowercaseWords: lowercaseWords)
      let own = Set(group.map(\.id))
      let others = allPairs.filter { !own.contains(String($0.id.dropLast(3))) }
      return builder.build(name: "pud-\(tag)-\(number)", pairs: group.flatMap(\.pairs), others: others)
    }
  }
}

/// The article being built: units in page order, each a run of English and Indonesian
/// sentences that the gold pairs as one bead (or leaves unpaired when a side is empty).
private struct ArticleBuilder {
  enum Layout { case ownLine, body }

  struct Unit {
    var english: [String]
    var indonesian: [String]
    var layout: Layout
  }

  var random: SeededGenerator
  let chrome: PageChrome
  let lowercaseWords: Set<String>
  var units: [Unit] = []

  init(random: SeededGenerator, chrome: PageChrome, lowercaseWords: Set<String>) {
    self.random = random
    self.chrome = chrome
    self.lowercaseWords = lowercaseWords
  }

  mutating func build(name: String, pairs: [ParallelDocuments.Pair], others: [ParallelDocuments.Pair])
    -> DevelopmentArticle
  {
    let site = random.pick(chrome.sites)
    func otherTitle() -> String { SentenceEdits.caption(random.pick(others).indonesian) }
    if random.chance(0.8) {
      let headline = random.pick(others)
      let english = SentenceEdits.caption(headline.english)
      var indonesian = SentenceEdits.caption(headline.indonesian)
      if random.chance(0.35) {
        // The newsroom rewrites the headline: shorter, its own words first.
        let words = indonesian.split(separator: " ")
        indonesian = words.prefix(max(4, words.count * 2 / 3)).joined(separator: " ")
      }
      units.append(Unit(english: [english], indonesian: [indonesian], layout: .ownLine))
    }
    // The page's masthead: date, byline or breadcrumb under the headline.
    if random.chance(0.4) {
      let line = PageChrome.fill(random.pick(chrome.indonesianMasthead), title: "", site: site, random: &random)
      units.append(Unit(english: [], indonesian: [line], layout: .ownLine))
    }
    if random.chance(0.2) {
      let line = PageChrome.fill(random.pick(chrome.englishMasthead), title: "", site: site, random: &random)
      units.append(Unit(english: [line], indonesian: [], layout: .ownLine))
    }
    let captionAt = random.chance(0.45) ? Int(random.next() % 3) : -1
    let localPhotoAt = random.chance(0.2) ? Int(random.next() % 3) : -1
    var repeatCaption: [String]?
    var index = 0
    var paragraph = 0
    while index < pairs.count {
      if paragraph == captionAt {
        let photo = random.pick(others)
        let agency = random.pick(chrome.agencies)
        let photographer = random.pick(chrome.photographers)
        let caption = Unit(
          english: [SentenceEdits.caption(photo.english)], indonesian: [SentenceEdits.caption(photo.indonesian)],
          layout: .ownLine)
        let credit = Unit(
          english: ["\(agency.english)/\(photographer)"], indonesian: ["\(agency.indonesian)/\(photographer)"],
          layout: .ownLine)
        units += [caption, credit]
        if random.chance(0.35) { repeatCaption = caption.indonesian + credit.indonesian }
      }
      if paragraph == localPhotoAt {
        let photo = random.pick(others)
        units.append(Unit(english: [], indonesian: [SentenceEdits.caption(photo.indonesian)], layout: .ownLine))
        units.append(
          Unit(english: [], indonesian: ["ANTARA FOTO/\(random.pick(chrome.photographers))/abc."], layout: .ownLine))
      }
      if paragraph > 0 && random.chance(0.2) {
        let line = PageChrome.fill(random.pick(chrome.indonesian), title: otherTitle(), site: site, random: &random)
        units.append(Unit(english: [], indonesian: [line], layout: .ownLine))
      }
      if paragraph > 0 && random.chance(0.06) {
        let line = PageChrome.fill(
          random.pick(chrome.english), title: SentenceEdits.caption(random.pick(others).english), site: site,
          random: &random)
        units.append(Unit(english: [line], indonesian: [], layout: .ownLine))
      }
      if paragraph == 2, let repeated = repeatCaption {
        units += repeated.map { Unit(english: [], indonesian: [$0], layout: .ownLine) }
        repeatCaption = nil
      }
      let size = 1 + Int(random.next() % 3)
      for _ in 0..<size where index < pairs.count {
        index += addBody(pairs, at: index, others: others, isFirst: index == 0, site: site)
      }
      paragraph += 1
    }
    if let repeated = repeatCaption {
      units += repeated.map { Unit(english: [], indonesian: [$0], layout: .ownLine) }
    }
    if random.chance(0.7) {
      let line = PageChrome.fill(random.pick(chrome.englishTrailers), title: "", site: site, random: &random)
      units.append(Unit(english: [line], indonesian: [], layout: .ownLine))
    }
    for _ in 0..<Int(random.next() % 3) {
      let line = PageChrome.fill(
        random.pick(chrome.indonesianTrailers), title: otherTitle(), site: site, random: &random)
      units.append(Unit(english: [], indonesian: [line], layout: .ownLine))
    }
    return layOut(name: name)
  }

  /// Adds the body unit that starts at `pairs[index]` with a translator's edit or none, and
  /// returns how many pairs it used.
  private mutating func addBody(
    _ pairs: [ParallelDocuments.Pair], at index: Int, others: [ParallelDocuments.Pair], isFirst: Bool, site: String
  ) -> Int {
    var english = [pairs[index].english]
    var indonesian = [pairs[index].indonesian]
    var used = 1
    let hasNext = index + 1 < pairs.count
    let roll = Double(random.next() >> 11) / Double(1 << 53)
    let variant = Int(random.next() % 3)
    switch roll {
    case ..<0.08 where hasNext:
      // 2-1: the translator joins two sentences.
      english.append(pairs[index + 1].english)
      indonesian = [
        SentenceEdits.join(
          indonesian[0], pairs[index + 1].indonesian, language: "id", variant: variant, lowercaseWords: lowercaseWords)
      ]
      used = 2
    case 0.08..<0.16:
      // 1-2: the translator splits one.
      if let (first, second) = SentenceEdits.split(indonesian[0], language: "id") { indonesian = [first, second] }
    case 0.16..<0.19 where hasNext:
      // 1-2 the other way: the English joins what the Indonesian keeps apart.
      english = [
        SentenceEdits.join(
          english[0], pairs[index + 1].english, language: "en", variant: variant, lowercaseWords: lowercaseWords)
      ]
      indonesian.append(pairs[index + 1].indonesian)
      used = 2
    case 0.19..<0.22:
      if let (first, second) = SentenceEdits.split(english[0], language: "en") { english = [first, second] }
    case 0.22..<0.25 where hasNext:
      // 2-2: the boundary moves.
      if let (first, second) = SentenceEdits.split(indonesian[0], language: "id") {
        english.append(pairs[index + 1].english)
        indonesian = [
          first,
          SentenceEdits.join(
            second, pairs[index + 1].indonesian, language: "id", variant: variant, lowercaseWords: lowercaseWords),
        ]
        used = 2
      }
    case 0.25..<0.27:
      // 1-3.
      if let (first, rest) = SentenceEdits.split(indonesian[0], language: "id") {
        if let (second, third) = SentenceEdits.split(rest, language: "id") {
          indonesian = [first, second, third]
        } else if let (zero, second) = SentenceEdits.split(first, language: "id") {
          indonesian = [zero, second, rest]
        }
      }
    case 0.27..<0.32 where !isFirst:
      indonesian = []
    case 0.32..<0.36 where !isFirst:
      english = []
    default:
      break
    }
    if isFirst && random.chance(0.6) {
      let city = random.pick(chrome.cities)
      let day = 1 + Int(random.next() % 28)
      english[0] = "\(city), \(random.pick(PageChrome.months)) \(day) (Reuters) - " + english[0]
      if !indonesian.isEmpty {
        let town = city.prefix(1) + city.dropFirst().lowercased()
        indonesian[0] = "\(site), \(random.chance(0.5) ? city : String(town)) - " + indonesian[0]
      }
    }
    units.append(Unit(english: english, indonesian: indonesian, layout: .body))
    if random.chance(0.03) {
      units.append(Unit(english: [], indonesian: [random.pick(others).indonesian], layout: .body))
    }
    return used
  }

  /// Both pages as text, with the gold sentences' places and the gold beads.
  private mutating func layOut(name: String) -> DevelopmentArticle {
    var english = Page()
    var indonesian = Page()
    var gold: [Bead] = []
    var bodyRun = 0
    for unit in units {
      let newParagraph = unit.layout == .ownLine || bodyRun == 0
      if unit.layout == .body {
        bodyRun = bodyRun >= 1 + Int(random.next() % 3) ? 0 : bodyRun + 1
      } else {
        bodyRun = 0
      }
      // A sentence of running text ends in punctuation (a few PUD sentences do not, and
      // would run into the next one on the page); headlines, captions and chrome may not.
      let isBody = unit.layout == .body
      let source = english.add(
        isBody ? unit.english.map(Self.ended) : unit.english, newParagraph: newParagraph, ownLine: !isBody)
      let target = indonesian.add(
        isBody ? unit.indonesian.map(Self.ended) : unit.indonesian, newParagraph: newParagraph || random.chance(0.1),
        ownLine: !isBody)
      if source.isEmpty || target.isEmpty {
        gold += source.map { Bead(source: $0..<($0 + 1), target: target.lowerBound..<target.lowerBound, score: 1) }
        gold += target.map { Bead(source: source.lowerBound..<source.lowerBound, target: $0..<($0 + 1), score: 1) }
      } else {
        gold.append(Bead(source: source, target: target, score: 1))
      }
    }
    return DevelopmentArticle(
      name: name, sourceText: english.text, targetText: indonesian.text, sourceLines: english.lines,
      targetLines: indonesian.lines, sourceRanges: english.ranges, targetRanges: indonesian.ranges, gold: gold)
  }

  private static func ended(_ sentence: String) -> String {
    guard let last = sentence.last, !".!?\"”’'…)".contains(last) else { return sentence }
    return sentence + "."
  }

  /// One side's text as it grows.
  private struct Page {
    var text = ""
    var lines: [String] = []
    var ranges: [Range<Int>] = []
    /// Whether the last sentence stands on its own line (a headline, caption or chrome), so
    /// that what follows starts a new paragraph.
    var lastIsOwnLine = false

    /// Appends sentences, in a new paragraph or after the last sentence; returns their indices.
    mutating func add(_ sentences: [String], newParagraph: Bool, ownLine: Bool) -> Range<Int> {
      let start = lines.count
      let newParagraph = newParagraph || ownLine || lastIsOwnLine
      if !sentences.isEmpty { lastIsOwnLine = ownLine }
      for (number, sentence) in sentences.enumerated() {
        let collapsed = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !text.isEmpty {
          text += number == 0 && newParagraph ? "\n\n" : " "
        }
        let offset = text.utf8.count
        text += collapsed
        lines.append(collapsed)
        ranges.append(offset..<text.utf8.count)
      }
      return start..<lines.count
    }
  }
}
