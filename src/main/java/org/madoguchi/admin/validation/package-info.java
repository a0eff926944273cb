/**
 * How an upload of models is checked: safe input within limits ({@link org.madoguchi.admin.validation.SafeInput}),
 * the engine's own parsers and validators ({@link org.madoguchi.admin.validation.EngineChecks}), the target
 * engine version's features ({@link org.madoguchi.admin.validation.EngineFeatures}) and Madoguchi's contract
 * ({@link org.madoguchi.admin.validation.ContractChecks}, {@code admin/process-contract.json}); and the
 * command-line form of the same check ({@link org.madoguchi.admin.validation.ModelLint}).
 */
package org.madoguchi.admin.validation;
