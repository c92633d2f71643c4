import { Module } from '@nestjs/common';
import { AbsenceCover } from './absence-cover';

/** Who covers whom, for every module that puts work or news on a person. */
@Module({ providers: [AbsenceCover], exports: [AbsenceCover] })
export class AbsenceCoverModule {}
