import Foundation

/// Finds the article in a parsed page and reads it as blocks.
///
/// 1. Chrome is set aside by what the markup says: elements no reader sees, and elements
///    whose tag, role, class or id names navigation, sharing, related stories, ads,
///    comments, footers, bylines… (``ChromeNames``) — unless they hold most of the page's
///    prose, as a page whose every wrapper says "sidebar-layout" does.
/// 2. Every block of text left is read in document order: paragraphs, headings, quotes, list
///    items, captions and credits, and runs of text written straight into a `div` (split at
///    `<br><br>`), with how much of each is link text.
/// 3. The article's container is found by its prose: from the document down, into the child
///    holding most of the prose as long as that child holds nearly all of it.
/// 4. The container's blocks are kept, less those that are mostly links, lines of page
///    furniture ("Baca juga: …", "ADVERTISEMENT"), editors' initials, and headings that lead
///    to nothing.
struct ArticleExtractor {
  struct Block {
    var element: Int
    /// Where the block's text starts, as the element index of the last element that opened
    /// before it: text written straight into a `div` after its `<h1>` is after the headline,
    /// although the `div` itself is before.
    var position: Int
    var kind: ParagraphKind
    var text: String
    var linkCharacters: Int

    var linkDensity: Double { text.isEmpty ? 1 : Double(linkCharacters) / Double(text.count) }
  }

  private let tree: PageTree
  /// Elements whose whole subtree is chrome or invisible.
  private var skipped: [Bool]
  /// Whether an element holds a block-level element: then it is walked as a container,
  /// otherwise read as one block.
  private var holdsBlocks: [Bool]
  /// Whether an element is inside a link: a teaser card wraps its headline and summary in one.
  private var inLink: [Bool]

  init(_ tree: PageTree) {
    self.tree = tree
    let count = tree.elements.count
    holdsBlocks = [Bool](repeating: false, count: count)
    for index in stride(from: count - 1, through: 1, by: -1) {
      let element = tree.elements[index]
      if PageTree.blockNames.contains(element.name) && element.name != "br" || holdsBlocks[index] {
        holdsBlocks[element.parent] = true
      }
    }
    skipped = [Bool](repeating: false, count: count)
    inLink = [Bool](repeating: false, count: count)
    for index in 1..<count {
      let element = tree.elements[index]
      skipped[index] = skipped[element.parent] || Self.isChrome(element)
      inLink[index] = inLink[element.parent] || tree.elements[element.parent].name == "a"
    }
    restoreProse()
  }

  /// The article's blocks, and the element that holds them (nil when no prose was found).
  /// `headline` is the title's `<h1>`: captions between it and the container are the lead
  /// photo's, and belong to the article.
  func article(title: String?, headline: Int?) -> (blocks: [Block], container: Int?) {
    let blocks = allBlocks()
    guard let container = container(of: blocks) else { return ([], nil) }
    var kept = blocks.filter { block in
      isInside(block.element, container)
        || (block.kind == .caption || block.kind == .credit) && headline.map { block.position > $0 } == true
          && block.element < container
    }
    // What comes before the headline in the container (a ticker, a breadcrumb) is not the
    // article, when it is little of the container's prose.
    if let headline, isInside(headline, container) {
      let before = kept.filter { $0.position < headline }.reduce(0) { $0 + Self.proseWeight($1) }
      let all = kept.reduce(0) { $0 + Self.proseWeight($1) }
      if before < 0.2 * all { kept.removeAll { $0.position < headline } }
    }
    kept = kept.filter { block in
      if block.kind == .heading, let title, PageText.folded(block.text) == PageText.folded(title) { return false }
      if Self.furniture.matches(block.text) { return false }
      if block.kind != .caption && block.kind != .credit && block.linkDensity > 0.5 { return false }
      if block.kind == .listItem && block.linkDensity > 0.3 { return false }
      return true
    }
    kept = Self.trimmed(kept)
    return (kept, container)
  }

  /// How the page was read, for looking at a page the extractor gets wrong: each element to
  /// a depth of 14 with its class and id, whether it was set aside, and its prose; the
  /// container; every block with its kind and link density.
  func trace() -> String {
    var lines: [String] = []
    for (index, element) in tree.elements.enumerated() where index > 0 {
      var depth = 0
      var current = element.parent
      while current > 0 {
        depth += 1
        current = tree.elements[current].parent
      }
      guard depth < 14 else { continue }
      let names = [element.attributes["class"], element.attributes["id"]].compactMap { $0 }.joined(separator: " #")
      lines.append(
        String(repeating: " ", count: depth)
          + "\(index) \(element.name) \(names.prefix(60))\(skipped[index] ? " SKIP" : "") \(prose.isEmpty ? 0 : prose[index])"
      )
    }
    let blocks = allBlocks()
    lines.append("container \(container(of: blocks).map(String.init) ?? "none")")
    for block in blocks {
      lines.append(
        "\(block.element) \(block.kind) \(String(format: "%.2f", block.linkDensity)) \(block.text.prefix(80))")
    }
    return lines.joined(separator: "\n")
  }

  // MARK: Chrome

  private static func isChrome(_ element: PageTree.Element) -> Bool {
    let name = element.name
    if PageTree.invisible.contains(name)
      || ["nav", "footer", "aside", "form", "header", "menu", "dialog"].contains(name)
    {
      return true
    }
    let attributes = element.attributes
    if attributes["hidden"] != nil || attributes["aria-hidden"]?.lowercased() == "true" { return true }
    if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
      style.contains("display:none") || style.contains("visibility:hidden")
    {
      return true
    }
    if name == "body" || name == "html" || name == "article" || name == "main" { return false }
    // Components named by data attributes (React sites) speak as classes do.
    let named = [attributes["class"], attributes["data-component"], attributes["data-testid"]].compactMap { $0 }
    return ChromeNames.isChrome(class: named.joined(separator: " "), id: attributes["id"], role: attributes["role"])
  }

  /// Each element's prose outside links (see ``restoreProse()``), for ``trace()``.
  private var prose: [Int] = []

  /// Takes back into the page an element set aside as chrome whose subtree holds more than
  /// half of the page's prose (its class named a layout, not a sidebar).
  private mutating func restoreProse() {
    // Prose: paragraphs, and runs of text written outside paragraphs, of a sentence's
    // length or more.
    var prose = [Int](repeating: 0, count: tree.elements.count)
    for (index, element) in tree.elements.enumerated()
    where !PageTree.invisible.contains(element.name) && !inLink[index] && element.name != "a" {
      var length = 0
      if element.name == "p" {
        let text = tree.text(of: index).count
        length = text >= 40 ? text : 0
      } else if !isInsideParagraph(index) {
        for child in element.children {
          if case .text(let text) = child, text.utf8.count >= 40 {
            let collapsed = PageText.collapsed(text).count
            if collapsed >= 40 { length += collapsed }
          }
        }
      }
      guard length > 0 else { continue }
      var ancestor = index
      while ancestor >= 0 {
        prose[ancestor] += length
        ancestor = tree.elements[ancestor].parent
      }
    }
    self.prose = prose
    let total = prose[0]
    guard total > 0 else { return }
    for index in 1..<tree.elements.count where skipped[index] && !skipped[tree.elements[index].parent] {
      let element = tree.elements[index]
      guard !PageTree.invisible.contains(element.name), prose[index] * 2 > total else { continue }
      // Only the element itself is restored; chrome inside it stays out.
      skipped[index] = false
      var descendant = index + 1
      while descendant < tree.elements.count && isInside(descendant, index) {
        skipped[descendant] = skipped[tree.elements[descendant].parent] || Self.isChrome(tree.elements[descendant])
        descendant += 1
      }
    }
  }

  // MARK: Blocks

  private func allBlocks() -> [Block] {
    var blocks: [Block] = []
    walk(0, context: nil, into: &blocks)
    return blocks
  }

  private func walk(_ index: Int, context: ParagraphKind?, into blocks: inout [Block]) {
    let element = tree.elements[index]
    var context = context
    switch element.name {
    case "blockquote": context = .quote
    case "li": context = context == .quote ? .quote : .listItem
    case "figcaption": context = .caption
    case "figure" where holdsPicture(index):
      // A photo's figure: text outside its caption is the photo's credit.
      context = .credit
    default:
      // A caption by its class only where it is a block of text, not a wrapper that holds
      // the article ("post-with-caption").
      if !holdsBlocks[index] && ChromeNames.isCaption(class: element.attributes["class"]) { context = .caption }
      // A photo's credit beside its caption ("photo__source" under the photo).
      if !holdsBlocks[index] && ChromeNames.isCredit(class: element.attributes["class"]) && isInPhoto(index) {
        context = .credit
      }
    }
    // A block without blocks inside is one block (or several, split at <br><br>).
    if index > 0 && !holdsBlocks[index] && Self.blockElements.contains(element.name) {
      emit(
        element: index, position: index, nodes: element.children, kind: kind(of: element, context: context),
        into: &blocks)
      return
    }
    // Otherwise its children: inline runs between the blocks are blocks of their own.
    var run: [PageTree.Node] = []
    var lastElement = index
    var runPosition = index
    func flush() {
      if !run.isEmpty {
        emit(element: index, position: runPosition, nodes: run, kind: context ?? .paragraph, into: &blocks)
      }
      run.removeAll()
    }
    for child in element.children {
      switch child {
      case .text:
        if run.isEmpty { runPosition = lastElement }
        run.append(child)
      case .element(let childIndex):
        let childElement = tree.elements[childIndex]
        if skipped[childIndex] { continue }
        if holdsBlocks[childIndex] || PageTree.blockNames.contains(childElement.name) && childElement.name != "br" {
          flush()
          walk(childIndex, context: context, into: &blocks)
        } else {
          if run.isEmpty { runPosition = lastElement }
          run.append(child)
        }
        lastElement = childIndex
      }
    }
    flush()
  }

  /// Whether an element holds an image.
  private func holdsPicture(_ index: Int) -> Bool {
    var descendant = index + 1
    while descendant < tree.elements.count && isInside(descendant, index) {
      if ["img", "picture"].contains(tree.elements[descendant].name) { return true }
      descendant += 1
    }
    return false
  }

  /// Whether a parent or grandparent of the element is a figure or a photo's wrapper.
  private func isInPhoto(_ index: Int) -> Bool {
    var current = tree.elements[index].parent
    for _ in 0..<2 where current > 0 {
      let element = tree.elements[current]
      let names = (element.attributes["class"] ?? "").lowercased()
      if element.name == "figure"
        || ["photo", "image", "media", "foto", "figure", "picture"].contains(where: names.contains)
      {
        return true
      }
      current = element.parent
    }
    return false
  }

  private func kind(of element: PageTree.Element, context: ParagraphKind?) -> ParagraphKind {
    switch element.name {
    case "h1", "h2", "h3", "h4", "h5", "h6": return context == .caption ? .caption : .heading
    case "figcaption": return .caption
    default: return context ?? .paragraph
    }
  }

  /// Reads inline nodes as blocks: text and link text, split at two or more `<br>` in a row;
  /// in a caption, a child whose class names a credit is a credit block of its own.
  private func emit(
    element: Int, position: Int, nodes: [PageTree.Node], kind: ParagraphKind, into blocks: inout [Block]
  ) {
    var text = ""
    var links = 0
    var breaks = 0
    var credits: [String] = []
    func finish() {
      let collapsed = PageText.collapsed(text)
      if !collapsed.isEmpty {
        let linkShare = min(links, collapsed.count)
        if kind == .caption {
          blocks += Self.captionBlocks(collapsed, element: element, position: position)
        } else {
          blocks.append(
            Block(element: element, position: position, kind: kind, text: collapsed, linkCharacters: linkShare))
        }
      }
      text = ""
      links = 0
    }
    func visit(_ node: PageTree.Node, inLink: Bool) {
      switch node {
      case .text(let piece):
        if breaks >= 2 { finish() }
        if !piece.allSatisfy(\.isWhitespace) { breaks = 0 }
        text += piece
        if inLink { links += PageText.collapsed(piece).count }
      case .element(let index):
        let child = tree.elements[index]
        if skipped[index] || PageTree.invisible.contains(child.name) { return }
        if child.name == "br" {
          breaks += 1
          text += " "
          return
        }
        if kind == .caption && ChromeNames.isCredit(class: child.attributes["class"]) {
          credits.append(tree.text(of: index))
          return
        }
        // A link that is a line of furniture on its own ("Purchase Licensing Rights" in a
        // caption, "Read more" after a paragraph) is not the block's text.
        if child.name == "a", Self.furniture.matches(tree.text(of: index)) { return }
        for grandchild in child.children { visit(grandchild, inLink: inLink || child.name == "a") }
      }
    }
    for node in nodes { visit(node, inLink: inLink[element] || tree.elements[element].name == "a") }
    finish()
    for credit in credits where !credit.isEmpty {
      blocks.append(Block(element: element, position: position, kind: .credit, text: credit, linkCharacters: 0))
    }
  }

  /// A caption, with a photo credit at its end ("… Rabu (20/11/2024). Bisnis/Arief Hermawan P",
  /// "… on July 8. REUTERS/Willy Kurniawan") split off as a credit.
  private static func captionBlocks(_ text: String, element: Int, position: Int) -> [Block] {
    for marker in creditMarkers {
      guard let range = text.range(of: marker, options: [.backwards]) else { continue }
      let before = text[..<range.lowerBound]
      // The credit starts a sentence: the caption before it ends with punctuation or a bracket.
      guard
        before.isEmpty
          || before.last.map({
            ".)”\"!?".contains($0) || $0 == " " && before.dropLast().last.map { ".)”\"".contains($0) } == true
          }) == true
      else { continue }
      let caption = PageText.collapsed(String(before))
      let credit = PageText.collapsed(String(text[range.lowerBound...]))
      var blocks: [Block] = []
      if !caption.isEmpty {
        blocks.append(Block(element: element, position: position, kind: .caption, text: caption, linkCharacters: 0))
      }
      blocks.append(Block(element: element, position: position, kind: .credit, text: credit, linkCharacters: 0))
      return blocks
    }
    return [Block(element: element, position: position, kind: .caption, text: text, linkCharacters: 0)]
  }

  private static let creditMarkers = [
    "REUTERS/", "Reuters/", "AP Photo/", "(AP Photo/", "AFP/", "(AFP/", "ANTARA FOTO/", "(ANTARA FOTO/", "ANTARA/",
    "Bisnis/", "KOMPAS.com/", "KOMPAS/", "detikcom/", "(detikcom/", "TEMPO/", "CNN Indonesia/", "Getty Images",
    "Foto: ", "(Foto: ", "Photo: ", "Dok. ", "(Dok. ",
  ]

  /// Elements read as one block when they hold no block.
  private static let blockElements: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "dd", "dt", "td", "th", "div",
    "section", "article", "main", "center", "address",
  ]

  // MARK: The container

  /// The deepest element holding nearly all the page's prose: from the document down into
  /// the child with the most prose, while that child holds at least `share` of its parent's.
  private func container(of blocks: [Block]) -> Int? {
    var prose = [Double](repeating: 0, count: tree.elements.count)
    for block in blocks where block.kind.isBody || block.kind == .caption {
      let weight = Self.proseWeight(block)
      guard weight > 0 else { continue }
      var ancestor = block.element
      while ancestor >= 0 {
        prose[ancestor] += weight
        ancestor = tree.elements[ancestor].parent
      }
    }
    guard prose[0] > 0 else { return nil }
    var current = 0
    while true {
      var best: Int?
      for child in tree.elements[current].children {
        guard case .element(let index) = child else { continue }
        if best == nil || prose[index] > prose[best!] { best = index }
      }
      guard let next = best, prose[next] >= Self.share * prose[current] else { break }
      current = next
    }
    return current
  }

  /// The share of its parent's prose a child needs for the search to go down into it.
  static let share = 0.8

  /// How much a block reads like an article's prose: its length when it is a sentence or
  /// more of text, not a list of links; a little for a short line.
  private static func proseWeight(_ block: Block) -> Double {
    let length = Double(block.text.count)
    guard block.linkDensity < 0.35, length >= 25 else { return 0 }
    let commas = Double(block.text.reduce(0) { $0 + ($1 == "," ? 1 : 0) })
    return length * (block.kind == .caption ? 0.3 : 1) + 10 * commas
  }

  private func isInsideParagraph(_ index: Int) -> Bool {
    var current = tree.elements[index].parent
    while current > 0 {
      if tree.elements[current].name == "p" { return true }
      current = tree.elements[current].parent
    }
    return false
  }

  private func isInside(_ index: Int, _ ancestor: Int) -> Bool {
    var current = index
    while current > ancestor { current = tree.elements[current].parent }
    return current == ancestor
  }

  // MARK: Cleaning

  /// Trailing lines that are not article text (headings with nothing after them, short
  /// lines after the last paragraph of prose), and editors' initials at the end.
  private static func trimmed(_ blocks: [Block]) -> [Block] {
    var blocks = blocks
    func isProse(_ block: Block) -> Bool { proseWeight(block) > 0 && block.kind != .credit }
    while let last = blocks.last,
      last.kind == .heading || (!isProse(last) && last.kind != .credit && last.kind != .caption)
    {
      blocks.removeLast()
    }
    if let last = blocks.indices.last(where: { blocks[$0].kind.isBody }) {
      blocks[last].text = PageText.withoutEditorInitials(blocks[last].text)
      if blocks[last].text.isEmpty { blocks.remove(at: last) }
    }
    return blocks.filter { !$0.text.isEmpty }
  }

  /// Lines of page furniture in either language (`Resources/page-chrome.txt`).
  static let furniture: ChromePatterns = {
    do {
      return try SegmentationRules.chromePatterns("page-chrome")
    } catch {
      // A bundled file, checked by the tests: missing or malformed, the build is broken.
      preconditionFailure("Resources/page-chrome.txt: \(error)")
    }
  }()
}
