export { ApiProblemResponses, ProblemStatus } from './api-problem-responses';
export { ProblemDto, ProblemFieldErrorDto } from './problem.dto';
export { moveNullableIntoUnions } from './nullable-unions';
export { PageOf } from './page.dto';
