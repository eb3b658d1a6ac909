export type { AnalysisResult, InputFile, Severity } from '../engine/types';
export type { UserOptions as UserOptionsLike } from '../engine/config';
