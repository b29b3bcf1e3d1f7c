package org.expoflow.commands.api;

/** What a coordinator decides on a unit's submitted work. */
public enum ReviewDecision { APPROVE, RETURN }
