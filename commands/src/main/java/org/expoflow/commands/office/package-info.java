/** The rules of the expo office that every aggregate applies: who may plan, enrol and direct. */
package org.expoflow.commands.office;
