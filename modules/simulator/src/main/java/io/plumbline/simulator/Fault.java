package io.plumbline.simulator;

/**
 * One injected fault.
 *
 * @param kind what goes wrong
 * @param target index of its target (node, rack, CDU or SU, per {@link FaultKind#target()}); for
 *     {@link FaultKind.Target#FREE} faults, a number naming its own subject
 * @param fixed whether it is fixed at {@link Scenario.Phase#FIXES}
 */
public record Fault(FaultKind kind, int target, boolean fixed) {}
