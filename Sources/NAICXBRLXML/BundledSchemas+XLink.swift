import NAICXBRLCore
extension BundledSchemas {
    /// The `xlink:` attributes XBRL uses (XBRL 2.1 section 3.5.1; XLink 1.0). XBRL declares its
    /// own schema for the W3C XLink namespace because the W3C published none.
    static let xlink = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XLink attributes as XBRL 2.1 (section 3.5.1) uses them. Written for naicxbrl. -->
<schema xmlns="http://www.w3.org/2001/XMLSchema"
        xmlns:xlink="http://www.w3.org/1999/xlink"
        targetNamespace="http://www.w3.org/1999/xlink"
        elementFormDefault="qualified"
        attributeFormDefault="qualified">

  <attribute name="type">
    <simpleType>
      <restriction base="string">
        <enumeration value="simple"/>
        <enumeration value="extended"/>
        <enumeration value="locator"/>
        <enumeration value="arc"/>
        <enumeration value="resource"/>
        <enumeration value="title"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="role">
    <simpleType>
      <restriction base="anyURI">
        <minLength value="1"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="arcrole">
    <simpleType>
      <restriction base="anyURI">
        <minLength value="1"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="title" type="string"/>

  <attribute name="show">
    <simpleType>
      <restriction base="string">
        <enumeration value="new"/>
        <enumeration value="replace"/>
        <enumeration value="embed"/>
        <enumeration value="other"/>
        <enumeration value="none"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="actuate">
    <simpleType>
      <restriction base="string">
        <enumeration value="onLoad"/>
        <enumeration value="onRequest"/>
        <enumeration value="other"/>
        <enumeration value="none"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="label" type="NCName"/>
  <attribute name="from" type="NCName"/>
  <attribute name="to" type="NCName"/>
  <attribute name="href" type="anyURI"/>
</schema>
"""#
}
