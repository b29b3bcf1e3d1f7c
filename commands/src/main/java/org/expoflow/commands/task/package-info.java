/** The single step of a directive that one unit (or the coordinator) works on, and the policies that guard it. */
package org.expoflow.commands.task;
