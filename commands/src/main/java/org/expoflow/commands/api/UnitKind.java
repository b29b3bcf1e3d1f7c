package org.expoflow.commands.api;

/** A city's Bureau of Commerce, or a provincial department. */
public enum UnitKind { CITY, DEPARTMENT }
