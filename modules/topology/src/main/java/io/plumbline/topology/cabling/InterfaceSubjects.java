package io.plumbline.topology.cabling;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/**
 * Subjects of cabling discrepancies: a server interface, id {@code <deviceId>:<port>} with the port
 * name normalised ({@link InterfaceNames#serverPort}) so that NetBox's and the BMC's spelling give
 * one id, name {@code <deviceName> <interface>} as NetBox (else the BMC) spells it, linked to the
 * planned cable when there is one, else to the device. Cables do not carry NetBox's interface id,
 * so {@code netboxId} stays null.
 */
final class InterfaceSubjects {

  private InterfaceSubjects() {}

  static Subject of(IntentDevice device, String interfaceName, String cableUrl) {
    return Subject.newBuilder()
        .setKind(SubjectKind.INTERFACE)
        .setId(device.getId() + ":" + InterfaceNames.serverPort(interfaceName))
        .setName(device.getName() + " " + interfaceName)
        .setUrl(cableUrl != null ? cableUrl : device.getUrl())
        .setSiteId(device.getSiteId())
        .setRackId(device.getRackId())
        .build();
  }
}
