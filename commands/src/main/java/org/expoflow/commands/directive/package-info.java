/** Directives issued to units at coordination meetings, and which units have finished them. */
package org.expoflow.commands.directive;
