export { ApiProblemResponses, ProblemStatus } from './api-problem-responses';
export { ProblemDto, ProblemFieldErrorDto } from './problem.dto';
