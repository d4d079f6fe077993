import type { CriteriaSet, HazardDetail, HazardGrade } from '@anzhi/core';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { NoticeInput } from '../notifications/notification.service.ts';

/** What the hazard module needs from its neighbours (notifications, uploads, the criteria library). */
export interface HazardPorts {
  notify(ex: Executor, notice: NoticeInput): Promise<number>;
  attachFiles(ex: Executor, actor: Actor, fileIds: number[], ownerType: string, ownerId: number): Promise<void>;
  checkCitations(input: { grade: HazardGrade; citations: string[]; foundOn: string }): Promise<CitationCheck> | CitationCheck;
  /** The criteria library in force (shipped and imported sets), to cite criteria the way a clerk writes them. */
  criteriaLibrary(): Promise<readonly CriteriaSet[]>;
  /** One criterion item of the library in force, for 举一反三. */
  criterion(code: string): Promise<{ domains: string[]; flags: string[]; summary: string } | null>;
  /** The township's hazard time settings (the settings store when wired; the labelled defaults otherwise). */
  /** The reports a hazard came from, for a caller with report.read (undefined for anyone else). */
  linkedReports(ex: Executor, actor: Actor, hazardId: number): Promise<HazardDetail['reports']>;
  recipients: {
    ofEnterprise(ex: Executor, enterpriseId: number): Promise<number[]>;
    ofUnit(ex: Executor, unitId: number): Promise<number[]>;
    officeOf(ex: Executor, regionCode: string): Promise<number[]>;
  };
}

export interface CitationCheck {
  ok: boolean;
  errors: string[];
  warnings: string[];
}
