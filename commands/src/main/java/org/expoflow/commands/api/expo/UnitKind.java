package org.expoflow.commands.api.expo;

/** A city's Bureau of Commerce, or a provincial department. */
public enum UnitKind { CITY, DEPARTMENT }
