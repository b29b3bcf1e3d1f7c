package org.expoflow.commands.api.task;

/** What a coordinator decides on a unit's submitted work. */
public enum ReviewDecision { APPROVE, RETURN }
