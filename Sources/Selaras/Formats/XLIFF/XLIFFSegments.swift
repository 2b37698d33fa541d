/// The segments of a `<trans-unit>` segmented as Trados and memoQ write it: `<mrk mtype="seg"
/// mid>` in the `<seg-source>` and in the `<target>` (never in the `<source>`), for the readers
/// of translated XLIFF (``XLIFFReader``, ``XLIFFMerger``) to follow as they parse.
struct XLIFFSegments {
  /// The seg-source's segments in order, and the target's by `mid`.
  private(set) var source: [(mid: String, text: String)] = []
  private(set) var target: [String: String] = [:]
  /// Whether the parse is in the unit's `<seg-source>`, or in its `<target>`.
  var inSegSource = false
  var inTarget = false
  /// The segment being read: its `mid`, its side, its text, and `<mrk>`s open inside it.
  private var open: (mid: String, inSource: Bool, text: [UInt8], depth: Int)?

  /// Whether the target is segmented like the seg-source (else it is read whole).
  var isSegmented: Bool { !source.isEmpty && !target.isEmpty }

  /// Forgets the previous unit's segments.
  mutating func startUnit() {
    source = []
    target = [:]
    open = nil
  }

  /// An `<mrk>` starts; true when it opens a segment.
  mutating func startMark(type: String?, mid: String?) -> Bool {
    guard inSegSource || inTarget else { return false }
    if open != nil {
      open!.depth += 1
      return false
    }
    guard type == "seg", let mid else { return false }
    open = (mid, inSegSource, [], 0)
    return true
  }

  /// Text of the segment being read, if one is.
  mutating func append(_ bytes: some Sequence<UInt8>) {
    open?.text.append(contentsOf: bytes)
  }

  /// An `<mrk>` ends: a segment's end keeps its text, white space collapsed.
  mutating func endMark() {
    guard let current = open else { return }
    if current.depth > 0 {
      open!.depth -= 1
      return
    }
    let text = SegmentText.collapsed(String(decoding: current.text, as: UTF8.self))
    if current.inSource {
      source.append((current.mid, text))
    } else {
      target[current.mid] = text
    }
    open = nil
  }
}
