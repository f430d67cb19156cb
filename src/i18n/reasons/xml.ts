/**
 * Reasons a part of a workbook is not well-formed XML (src/io/xml.ts, src/io/xmlBytes.ts and the
 * readers' own checks), and the wrappers that name the part: [Vietnamese, English].
 */
export const XML_REASONS = {
  'part.badXml': [
    'phần "{path}" hỏng (XML không hợp lệ: {xml})',
    'part "{path}" is broken (invalid XML: {xml})',
  ],
  'part.broken': ['phần “{path}” hỏng: {xml}', 'part “{path}” is broken: {xml}'],

  'xml.forbiddenChar': ['có ký tự không được phép trong XML', 'a character not allowed in XML'],
  'xml.badAttribute': [
    'thẻ <{tag}> có thuộc tính không hợp lệ ({why})',
    'tag <{tag}> has an invalid attribute ({why})',
  ],
  'xml.attrSlash': ['"/" đứng sai chỗ', '"/" out of place'],
  'xml.attrSpace': ['thiếu khoảng trắng giữa các thuộc tính', 'no space between attributes'],
  'xml.attrName': ['tên thuộc tính sai', 'a wrong attribute name'],
  'xml.attrEquals': ['thiếu "=" sau tên thuộc tính', 'no "=" after the attribute name'],
  'xml.attrQuote': ['giá trị không nằm trong dấu nháy', 'a value not in quotes'],
  'xml.attrLt': ['giá trị chứa "<"', 'a value holding "<"'],
  'xml.attrRepeated': ['{name} lặp lại', '{name} repeated'],
  'xml.ambiguousAttr': [
    'có hai thuộc tính "…:{name}" — không rõ dùng thuộc tính nào',
    'two attributes "…:{name}" — which one to use is unclear',
  ],
  'xml.badAmp': [
    'ký tự & không hợp lệ {where} (tham chiếu thực thể không xác định)',
    'an invalid & character {where} (an undefined entity reference)',
  ],
  'xml.inContent': ['trong nội dung', 'in the content'],
  'xml.inAttribute': ['trong thuộc tính', 'in an attribute'],
  'xml.outsideRoot': ['có nội dung nằm ngoài phần tử gốc', 'content outside the root element'],
  'xml.cdataEnd': [
    'chuỗi "]]>" không được phép trong nội dung',
    'the string "]]>" is not allowed in content',
  ],
  'xml.badTagName': ['tên thẻ "{name}" không hợp lệ', 'invalid tag name "{name}"'],
  'xml.noTagName': ['thẻ không có tên', 'a tag without a name'],
  'xml.twoRoots': ['có hơn một phần tử gốc', 'more than one root element'],
  'xml.unclosedTag': ['thẻ <{tag}> chưa đóng', 'tag <{tag}> is not closed'],
  'xml.noRoot': ['không có phần tử gốc', 'no root element'],
  'xml.unclosedComment': ['chú thích XML chưa đóng', 'an XML comment is not closed'],
  'xml.commentDashes': ['chú thích XML chứa "--"', 'an XML comment holds "--"'],
  'xml.cdataOutside': ['đoạn CDATA nằm ngoài phần tử gốc', 'a CDATA section outside the root element'],
  'xml.unclosedCdata': ['đoạn CDATA chưa đóng', 'a CDATA section is not closed'],
  'xml.doctype': [
    'có khai báo DOCTYPE — Excel không bao giờ ghi khai báo này, tệp đã bị sửa',
    'a DOCTYPE declaration — Excel never writes one; the file was altered',
  ],
  'xml.badBang': ['khai báo "<!" không hợp lệ', 'an invalid "<!" declaration'],
  'xml.unclosedPi': ['chỉ dẫn xử lý XML chưa đóng', 'an XML processing instruction is not closed'],
  'xml.piName': [
    'chỉ dẫn xử lý XML không có tên hợp lệ',
    'an XML processing instruction without a valid name',
  ],
  'xml.declNotFirst': [
    'khai báo <?xml …?> chỉ được nằm ở đầu tệp',
    'the <?xml …?> declaration may only stand at the start of the file',
  ],
  'xml.badDecl': ['khai báo <?xml …?> không hợp lệ', 'an invalid <?xml …?> declaration'],
  'xml.unendedEndTag': ['thẻ đóng chưa kết thúc', 'an end tag is not finished'],
  'xml.badEndTag': ['thẻ đóng </{tag}> không hợp lệ', 'invalid end tag </{tag}>'],
  'xml.strayEndTag': ['thẻ đóng </{tag}> thừa', 'a stray end tag </{tag}>'],
  'xml.mismatch': ['thẻ <{open}> đóng bằng </{close}>', 'tag <{open}> closed by </{close}>'],
  'xml.unendedTag': ['thẻ <{tag}> chưa kết thúc', 'tag <{tag}> is not finished'],
  'xml.tagInString': ['thẻ <{tag}> nằm trong một chuỗi', 'tag <{tag}> inside a string'],
  'xml.tagInName': ['thẻ <{tag}> nằm trong tên “{name}”', 'tag <{tag}> inside name “{name}”'],
  'xml.duplicateRelId': ['mã liên kết "{id}" lặp lại', 'relationship id "{id}" repeated'],
} as const satisfies Record<string, readonly [string, string]>;
