package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCablesTest {

  @Test
  void eachPortShowsItsPlanTheSeenPeerAndTheStateOfItsOpenFinding() throws Exception {
    JsonNode planned =
        json(
            "{'deviceId':'1401','links':["
                + "{'cableId':'c1','localInterface':'eth0 ','peerDeviceId':'9','peerDeviceName':'leaf-01',"
                + "'peerInterface':'Ethernet1/1','status':'planned','label':null,'url':null},"
                + "{'cableId':'c2','localInterface':'eth1','peerDeviceId':'9','peerDeviceName':'leaf-01',"
                + "'peerInterface':'Ethernet1/2','status':'planned','label':null,'url':null},"
                + "{'cableId':'c3','localInterface':'eth2','peerDeviceId':'9','peerDeviceName':'leaf-01',"
                + "'peerInterface':'Ethernet1/3','status':'planned','label':null,'url':null},"
                + "{'cableId':'c4','localInterface':'eth3','peerDeviceId':'9','peerDeviceName':'leaf-01',"
                + "'peerInterface':'Ethernet1/4','status':'planned','label':null,'url':null}]}");
    JsonNode context =
        json(
            "{'deviceId':'1401','observed':true,'nics':["
                + "{'portId':'ETH0','linkStatus':'LinkUp','lldpNeighbor':"
                + "{'systemName':'leaf-01.example.com','portId':'Eth1/1','chassisId':null}},"
                + "{'portId':'eth1','linkStatus':'LinkUp','lldpNeighbor':"
                + "{'systemName':'leaf-02','portId':'Ethernet1/2','chassisId':null}},"
                + "{'portId':'eth2','linkStatus':'LinkDown','lldpNeighbor':null},"
                + "{'portId':'eth7','linkStatus':'LinkUp','lldpNeighbor':"
                + "{'systemName':'leaf-09','portId':'Ethernet1/9','chassisId':null}},"
                + "{'portId':'eth8','linkStatus':'LinkDown','lldpNeighbor':null}]}");
    List<ObjectNode> open =
        List.of(
            finding("MISCABLED", "1401:eth1"),
            finding("LINK_MISSING", "1401:eth2"),
            finding("UNEXPECTED_LINK", "1401:eth7"),
            finding("MISCABLED", "14010:eth1"));

    JsonNode cables = DeviceCables.of("1401", planned, context, open);

    assertThat(cables.path("observed").asBoolean()).isTrue();
    JsonNode ports = cables.path("ports");
    assertThat(ports.valueStream().map(p -> p.path("port").asText()))
        .containsExactly("eth0", "eth1", "eth2", "eth3", "eth7");
    assertThat(ports.valueStream().map(p -> p.path("state").asText()))
        .containsExactly("OK", "MISCABLED", "MISSING", "UNVERIFIED", "UNEXPECTED");
    JsonNode eth0 = ports.get(0);
    assertThat(eth0.path("interface").asText()).isEqualTo("eth0");
    assertThat(eth0.path("planned").get(0).path("peerDeviceName").asText()).isEqualTo("leaf-01");
    assertThat(eth0.path("seenPeer").path("portId").asText()).isEqualTo("Eth1/1");
    JsonNode eth1 = ports.get(1);
    assertThat(eth1.path("seenPeer").path("systemName").asText()).isEqualTo("leaf-02");
    assertThat(eth1.path("discrepancyId").asText()).isEqualTo("MISCABLED:1401:eth1");
    assertThat(ports.get(3).path("seenPeer").isNull()).isTrue();
  }

  @Test
  void aNeighbourWithoutAPlanAndWithoutAFindingIsUnplanned() throws Exception {
    JsonNode context =
        json(
            "{'deviceId':'7','observed':true,'nics':[{'portId':'eth0','linkStatus':'Up',"
                + "'lldpNeighbor':{'systemName':'leaf-01','portId':null,'chassisId':null}}]}");
    JsonNode cables = DeviceCables.of("7", null, context, List.of());
    assertThat(cables.path("ports").get(0).path("state").asText()).isEqualTo("UNPLANNED");
    assertThat(DeviceCables.of("7", null, null, List.of()).path("ports")).isEmpty();
  }

  private static ObjectNode finding(String type, String subjectId) throws Exception {
    return (ObjectNode)
        json(
            "{'id':'"
                + type
                + ":"
                + subjectId
                + "','type':'"
                + type
                + "','subject':{'kind':'INTERFACE','id':'"
                + subjectId
                + "'}}");
  }

  private static JsonNode json(String singleQuoted) throws Exception {
    return ApiResponse.JSON.readTree(singleQuoted.replace('\'', '"'));
  }
}
