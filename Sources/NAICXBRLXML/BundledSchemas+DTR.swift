import NAICXBRLCore
extension BundledSchemas {
    /// The XBRL Data Type Registry's numeric types (namespace `http://www.xbrl.org/dtr/type/numeric`,
    /// the registry's 2009-12-16 schema): item types that restrict `xbrli:pureItemType` or
    /// `xbrli:decimalItemType` and say what a number measures. The taxonomy uses
    /// `num:percentItemType` for the blank's percentages.
    static let dtrNumeric = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL Data Type Registry, numeric types (2009-12-16). Written for naicxbrl. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xbrli="http://www.xbrl.org/2003/instance"
           xmlns:num="http://www.xbrl.org/dtr/type/numeric"
           targetNamespace="http://www.xbrl.org/dtr/type/numeric"
           elementFormDefault="qualified">

  <xs:import namespace="http://www.xbrl.org/2003/instance"
             schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>

  <!-- a percentage, held as a ratio (54.8 % is 0.548) -->
  <xs:complexType name="percentItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:pureItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- an amount per share -->
  <xs:complexType name="perShareItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- an area -->
  <xs:complexType name="areaItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- a volume -->
  <xs:complexType name="volumeItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- a mass -->
  <xs:complexType name="massItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- a weight -->
  <xs:complexType name="weightItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- an amount of energy -->
  <xs:complexType name="energyItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- power -->
  <xs:complexType name="powerItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- a length -->
  <xs:complexType name="lengthItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>

  <!-- an amount of computer memory -->
  <xs:complexType name="memoryItemType">
    <xs:simpleContent>
      <xs:restriction base="xbrli:decimalItemType"/>
    </xs:simpleContent>
  </xs:complexType>
</xs:schema>
"""#
}
